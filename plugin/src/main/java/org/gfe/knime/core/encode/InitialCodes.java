package org.gfe.knime.core.encode;

import java.util.SplittableRandom;

/**
 * Starting codes of the flow. The seeded uniform start draws U[0,1)^d from a generator seeded by the settings' seed
 * and the row's identity only, so a row starts (and ends) at the same code whatever its batch, position or thread.
 */
public final class InitialCodes {

    private InitialCodes() {
    }

    /**
     * The starting code of one row.
     *
     * @throws IllegalArgumentException for LINEAR_PROJECTION, which needs the row and the decoder (the model or the
     *         decoder under training computes it)
     */
    public static double[] of(SolverSettings settings, long rowIdentity, int latentDimension) {
        if (settings.initialState() == InitialState.LINEAR_PROJECTION) {
            throw new IllegalArgumentException("The initial state LINEAR_PROJECTION needs a decoder with a linear part"
                    + " (linear + MLP); choose SEEDED_UNIFORM or ZEROS for this decoder.");
        }
        double[] code = new double[latentDimension];
        if (settings.initialState() == InitialState.SEEDED_UNIFORM) {
            SplittableRandom random = new SplittableRandom(mix(settings.seed(), rowIdentity));
            for (int i = 0; i < latentDimension; i++) {
                code[i] = random.nextDouble();
            }
        }
        return code;
    }

    /** Starting codes of several rows. */
    public static double[][] of(SolverSettings settings, long[] rowIdentities, int latentDimension) {
        double[][] codes = new double[rowIdentities.length][];
        for (int m = 0; m < rowIdentities.length; m++) {
            codes[m] = of(settings, rowIdentities[m], latentDimension);
        }
        return codes;
    }

    /** A 64-bit mix of seed and identity (SplitMix64 finaliser), so that nearby identities get unrelated streams. */
    static long mix(long seed, long identity) {
        long z = seed * 0x9E3779B97F4A7C15L + identity;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
