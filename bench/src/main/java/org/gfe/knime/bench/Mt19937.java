package org.gfe.knime.bench;

/**
 * The Mersenne Twister MT19937 as numpy's legacy {@code RandomState(seed)} seeds and draws it, so that the reference
 * implementation's MNIST split (spec section 7) can be reproduced exactly. Not for anything else.
 */
final class Mt19937 {

    private final int[] state = new int[624];
    private int index;

    /** numpy's {@code mt19937_seed}: Knuth's initialisation of the state from a 32-bit seed. */
    Mt19937(long seed) {
        state[0] = (int) seed;
        for (int i = 1; i < 624; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
        index = 624;
    }

    int nextInt32() {
        if (index >= 624) {
            twist();
        }
        int y = state[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twist() {
        for (int i = 0; i < 624; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % 624] & 0x7fffffff);
            int next = state[(i + 397) % 624] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            state[i] = next;
        }
        index = 0;
    }

    /** numpy's legacy {@code random_interval(max)}: uniform in [0, max] by masked rejection (max < 2^32). */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (nextInt32() & 0xffffffffL) & mask;
        } while (value > max);
        return value;
    }

    /** {@code RandomState(seed).permutation(n)}: the legacy Fisher-Yates shuffle of 0..n-1. */
    static int[] permutation(long seed, int n) {
        Mt19937 random = new Mt19937(seed);
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) random.interval(i);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
