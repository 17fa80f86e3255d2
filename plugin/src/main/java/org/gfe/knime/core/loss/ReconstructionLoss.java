package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * A reconstruction loss per row: the mean over the row's PRESENT features of an elementwise term
 * {@code t(u_p, y_p)}, with u the decoder outputs and y the targets, both {@code [rows, P]}. The mask holds 1 for a
 * present and 0 for a missing cell (null = all present); missing cells contribute nothing and the mean divides by
 * the number of present cells. Targets at missing cells must be finite (e.g. 0).
 *
 * <p>Because the loss is separable in the outputs, its Hessian in the outputs is diagonal: {@link #outputCurvature}
 * gives that diagonal, which is all the decoder's exact second-order products need. Results are attached to the
 * manager of {@code outputs}. Implementations are stateless and thread-safe.
 */
public interface ReconstructionLoss {

    /** Which loss this is (never {@link LossKind#AUTO}). */
    LossKind kind();

    /** Per-row losses l_m, shape {@code [rows]}. */
    NDArray rowLosses(NDArray outputs, NDArray targets, NDArray mask);

    /** d(sum_m l_m)/d outputs, shape {@code [rows, P]}. */
    NDArray outputGradient(NDArray outputs, NDArray targets, NDArray mask);

    /** The diagonal of d^2(sum_m l_m)/d outputs^2, elementwise, shape {@code [rows, P]}. */
    NDArray outputCurvature(NDArray outputs, NDArray targets, NDArray mask);

    /** Row losses and output gradient together; implementations share their common terms. */
    default LossEvaluation evaluate(NDArray outputs, NDArray targets, NDArray mask) {
        return new LossEvaluation(rowLosses(outputs, targets, mask), outputGradient(outputs, targets, mask));
    }

    /**
     * This loss against fixed targets and mask, for evaluating many outputs (a solver's inner loop). Implementations
     * may compute terms of the targets once, in the targets' manager (freed with it); the values are those of
     * {@link #evaluate} on the same outputs.
     */
    default BoundLoss bind(NDArray targets, NDArray mask) {
        return outputs -> evaluate(outputs, targets, mask);
    }

    /**
     * The loss of a kind.
     *
     * @throws IllegalArgumentException for {@link LossKind#AUTO}, which must be resolved against the data first
     */
    static ReconstructionLoss of(LossKind kind) {
        if (kind == null) {
            throw new IllegalArgumentException("The loss kind must be given (BCE, BCE_REFERENCE or MSE).");
        }
        return switch (kind) {
            case BCE -> new StableBinaryCrossEntropy();
            case BCE_REFERENCE -> new ReferenceBinaryCrossEntropy();
            case MSE -> new MeanSquaredError();
            case AUTO -> throw new IllegalArgumentException("The loss AUTO has no formula: resolve it to BCE or MSE"
                    + " from the data (BCE if every present value lies in [0, 1]) before creating the loss.");
        };
    }
}
