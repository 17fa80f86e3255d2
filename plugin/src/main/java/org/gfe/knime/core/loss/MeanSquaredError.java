package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/** Mean squared error, t(u, y) = (u - y)^2; dt/du = 2 (u - y), d2t/du2 = 2. */
public final class MeanSquaredError implements ReconstructionLoss {

    @Override
    public LossKind kind() {
        return LossKind.MSE;
    }

    @Override
    public NDArray rowLosses(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).rowMean(outputs.sub(targets).square());
    }

    @Override
    public NDArray outputGradient(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).scale(outputs.sub(targets).muli(2));
    }

    @Override
    public NDArray outputCurvature(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).scale(outputs.onesLike().muli(2));
    }

    @Override
    public LossEvaluation evaluate(NDArray outputs, NDArray targets, NDArray mask) {
        FeatureWeights weights = FeatureWeights.of(outputs, mask);
        NDArray residual = outputs.sub(targets);
        return new LossEvaluation(weights.rowMean(residual.square()), weights.scale(residual.muli(2)));
    }
}
