package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * The weight of each cell in its row's mean: 1/P without a mask, mask / (present cells in the row) with one. A row
 * with no present cell gets weight 0 everywhere (loss 0) instead of a division by zero.
 */
final class FeatureWeights {

    private final long features;
    private final NDArray weights;

    private FeatureWeights(long features, NDArray weights) {
        this.features = features;
        this.weights = weights;
    }

    static FeatureWeights of(NDArray outputs, NDArray mask) {
        long features = outputs.getShape().get(1);
        if (mask == null) {
            return new FeatureWeights(features, null);
        }
        if (!mask.getShape().equals(outputs.getShape())) {
            throw new IllegalArgumentException("The mask has shape " + mask.getShape() + " but the outputs have "
                    + outputs.getShape() + "; give one mask value per cell.");
        }
        try (NDArray count = mask.sum(new int[] {1}, true); NDArray present = count.maximum(1)) {
            return new FeatureWeights(features, Ownership.like(outputs, mask.div(present)));
        }
    }

    /** The per-row weighted mean of elementwise terms (may reuse {@code terms}' memory). */
    NDArray rowMean(NDArray terms) {
        return weights == null ? terms.mean(new int[] {1}) : terms.muli(weights).sum(new int[] {1});
    }

    /** Elementwise values times their cell's weight, in place on {@code values} (a temporary). */
    NDArray scale(NDArray values) {
        return weights == null ? values.divi(features) : values.muli(weights);
    }
}
