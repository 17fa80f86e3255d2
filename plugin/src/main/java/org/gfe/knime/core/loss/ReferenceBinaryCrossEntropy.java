package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Binary cross-entropy on logits exactly as the reference computes it (spec section 1): s = sigmoid(u), then
 * t = -y log(s + 1e-8) - (1 - y) log((1 - s) + 1e-8), in the outputs' precision. Its derivatives are those of this
 * naive formula, 1e-8 included: with a = s + 1e-8, b = (1 - s) + 1e-8 and s' = s (1 - s),
 * dt/du = (-y/a + (1 - y)/b) s' and d2t/du2 = (y/a^2 + (1 - y)/b^2) s'^2 + (-y/a + (1 - y)/b) s' (1 - 2 s).
 */
public final class ReferenceBinaryCrossEntropy implements ReconstructionLoss {

    /** The reference's guard against log(0). */
    public static final double EPSILON = 1e-8;

    @Override
    public LossKind kind() {
        return LossKind.BCE_REFERENCE;
    }

    @Override
    public NDArray rowLosses(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).rowMean(new Terms(outputs, targets).values());
    }

    @Override
    public NDArray outputGradient(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).scale(new Terms(outputs, targets).slope());
    }

    @Override
    public NDArray outputCurvature(NDArray outputs, NDArray targets, NDArray mask) {
        return FeatureWeights.of(outputs, mask).scale(new Terms(outputs, targets).curvature());
    }

    @Override
    public LossEvaluation evaluate(NDArray outputs, NDArray targets, NDArray mask) {
        FeatureWeights weights = FeatureWeights.of(outputs, mask);
        Terms terms = new Terms(outputs, targets);
        return new LossEvaluation(weights.rowMean(terms.values()), weights.scale(terms.slope()));
    }

    /**
     * Without a mask, 1 - y, -y and -(1 - y) and the constants are made once; 1 - s is one subtraction from the
     * constant 1 (the same value as -s + 1, one op less); the terms are written as
     * log(a) (-y) + log(b) (-(1 - y)), which equals -(log(a) y + log(b) (1 - y)) exactly (round-to-nearest is
     * symmetric), so the values are bit for bit those of {@link #evaluate}.
     */
    @Override
    public BoundLoss bind(NDArray targets, NDArray mask) {
        if (mask != null) {
            return ReconstructionLoss.super.bind(targets, mask);
        }
        NDArray oneMinusY = targets.onesLike().subi(targets);
        NDArray negativeY = targets.neg();
        NDArray negativeOneMinusY = oneMinusY.neg();
        NDArray one = Constants.of(targets, 1);
        NDArray epsilon = Constants.of(targets, EPSILON);
        NDArray features = Constants.of(targets, targets.getShape().get(1));
        return outputs -> {
            NDArray s = outputs.getNDArrayInternal().sigmoid();
            // 1 - s in one op (IEEE: 1 - s rounds exactly as (-s) + 1); the result goes to s's manager
            NDArray oneMinusS = Ownership.like(s, one.sub(s));
            NDArray a = s.add(epsilon);
            NDArray b = oneMinusS.add(epsilon);
            NDArray rowLosses = a.log().muli(negativeY).addi(b.log().muli(negativeOneMinusY)).mean(new int[] {1});
            NDArray slope = Ownership.like(s, oneMinusY.div(b)).subi(Ownership.like(s, targets.div(a)))
                    .muli(s.mul(oneMinusS)).divi(features);
            return new LossEvaluation(rowLosses, slope);
        };
    }

    /** The pieces of the formula shared by the loss and its derivatives. */
    private static final class Terms {
        final NDArray y;
        final NDArray oneMinusY;
        final NDArray s;
        final NDArray oneMinusS;
        final NDArray a;
        final NDArray b;

        Terms(NDArray outputs, NDArray targets) {
            y = targets;
            s = outputs.getNDArrayInternal().sigmoid();
            oneMinusY = s.onesLike().subi(targets);
            oneMinusS = s.neg().addi(1);
            a = s.add(EPSILON);
            b = oneMinusS.add(EPSILON);
        }

        NDArray values() {
            return a.log().muli(y).addi(b.log().muli(oneMinusY)).negi();
        }

        /** dt/ds. */
        private NDArray sDerivative() {
            return oneMinusY.div(b).subi(Ownership.like(s, y.div(a)));
        }

        /** s' = s (1 - s). */
        private NDArray sigmoidSlope() {
            return s.mul(oneMinusS);
        }

        NDArray slope() {
            return sDerivative().muli(sigmoidSlope());
        }

        NDArray curvature() {
            NDArray sPrime = sigmoidSlope();
            NDArray second = oneMinusY.div(b.square()).addi(Ownership.like(s, y.div(a.square())))
                    .muli(sPrime.square());
            NDArray sSecond = sPrime.mul(s.mul(-2).addi(1));
            return second.addi(sDerivative().muli(sSecond));
        }
    }
}
