package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Binary cross-entropy on logits in the log-sigmoid form, t(u, y) = softplus(u) - y u, which equals
 * -y log s(u) - (1 - y) log(1 - s(u)) without the overflow or the log(0) of the naive form; dt/du = s(u) - y,
 * d2t/du2 = s(u) (1 - s(u)). (torch's softplus returns u itself above u = 20, an error below 3e-9.)
 */
public final class StableBinaryCrossEntropy implements ReconstructionLoss {

    @Override
    public LossKind kind() {
        return LossKind.BCE;
    }

    @Override
    public NDArray rowLosses(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).rowMean(terms(outputs, targets));
    }

    @Override
    public NDArray outputGradient(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).scale(sigmoid(outputs).subi(targets));
    }

    @Override
    public NDArray outputCurvature(NDArray outputs, NDArray targets, NDArray mask) {
        NDArray s = sigmoid(outputs);
        return FeatureWeights.of(outputs, mask).scale(s.sub(s.square()));
    }

    @Override
    public LossEvaluation evaluate(NDArray outputs, NDArray targets, NDArray mask) {
        FeatureWeights weights = FeatureWeights.of(outputs, mask);
        return new LossEvaluation(weights.rowMean(terms(outputs, targets)),
                weights.scale(sigmoid(outputs).subi(targets)));
    }

    /** Without a mask, the divisor P is made once; values as {@link #evaluate}. */
    @Override
    public BoundLoss bind(NDArray targets, NDArray mask) {
        if (mask != null) {
            return ReconstructionLoss.super.bind(targets, mask);
        }
        NDArray features = Constants.of(targets, targets.getShape().get(1));
        return outputs -> new LossEvaluation(terms(outputs, targets).mean(new int[] {1}),
                sigmoid(outputs).subi(targets).divi(features));
    }

    private static NDArray terms(NDArray outputs, NDArray targets) {
        return outputs.getNDArrayInternal().softPlus().subi(outputs.mul(targets));
    }

    private static NDArray sigmoid(NDArray outputs) {
        return outputs.getNDArrayInternal().sigmoid();
    }
}
