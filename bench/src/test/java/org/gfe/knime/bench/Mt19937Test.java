package org.gfe.knime.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Mt19937Test {

    /** Values printed by numpy 1.x/2.x: {@code np.random.RandomState(0).permutation(50000)}. */
    @Test
    void reproducesNumpyLegacyPermutation() {
        int[] permutation = Mt19937.permutation(0, 50_000);
        assertArrayEquals(new int[] {11841, 19602, 45519, 25747, 42642}, Arrays.copyOf(permutation, 5));
        assertArrayEquals(new int[] {41993, 32103, 30403, 21243, 45891, 42613, 43567, 2732},
                Arrays.copyOfRange(permutation, 49_992, 50_000));
    }
}
