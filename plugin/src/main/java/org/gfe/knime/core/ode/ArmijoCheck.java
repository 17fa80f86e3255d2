package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * An AMD attempt's per-row merits and squared derivative norms, copied to Java once per attempt, and the Armijo test
 * {@code l0 - l1 >= factor ||g1||^2} done there. At batch sizes like 5 each native op costs more than its arithmetic,
 * so the handful of tiny per-row ops (subtract, scale, compare, reduce, copy) is replaced by two copies. The test is
 * done in the arrays' precision (float arithmetic for float32, as the native element-wise ops do it: the factor
 * rounded to float, one rounding per operation), so acceptance is exactly what the native test would give.
 * Only the norms' reduction over the columns stays native, where its summation order is PyTorch's.
 */
final class ArmijoCheck {

    private final boolean single;
    private final double[] merits;
    private final double[] squaredNorms;

    private ArmijoCheck(boolean single, double[] merits, double[] squaredNorms) {
        this.single = single;
        this.merits = merits;
        this.squaredNorms = squaredNorms;
    }

    /** Copies the merits and the derivative's squared row norms (extra rows beyond those tested are ignored). */
    static ArmijoCheck of(NDArray merit, NDArray derivative) {
        boolean single = merit.getDataType() == DataType.FLOAT32;
        double[] norms = BatchArrays.toVector(derivative.square().sum(new int[] {1}));
        return new ArmijoCheck(single, BatchArrays.toVector(merit), norms);
    }

    /** Row i's squared derivative norm ||f(z1)||^2. */
    double squaredNorm(int i) {
        return squaredNorms[i];
    }

    /** Row i's new merit l1 (exact; a float32 merit widened). */
    double merit(int i) {
        return merits[i];
    }

    /** Whether row i passes {@code previousMerit - l1 >= factor ||g1||^2}, in the arrays' precision. */
    boolean passes(int i, double previousMerit, double factor) {
        if (single) {
            float bound = (float) squaredNorms[i] * (float) factor;
            return (float) previousMerit - (float) merits[i] >= bound;
        }
        return previousMerit - merits[i] >= squaredNorms[i] * factor;
    }
}
