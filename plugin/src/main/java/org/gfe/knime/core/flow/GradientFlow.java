package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;
import org.gfe.knime.core.ode.DescentEquation;
import org.gfe.knime.core.ode.DescentEvaluation;

/**
 * The first-order gradient flow dz/dt = -alpha grad_z L(z) (spec section 2) as an ODE over the batch's latent codes;
 * the merit AMD tests is each row's loss. One evaluation is one decoder forward and one backward to the input.
 */
public final class GradientFlow implements DescentEquation {

    private final LatentObjective objective;
    private final double flowRate;

    public GradientFlow(LatentObjective objective, double flowRate) {
        if (!(flowRate > 0) || Double.isInfinite(flowRate)) {
            throw new IllegalArgumentException("Flow rate alpha must be a positive finite number, was " + flowRate);
        }
        this.objective = objective;
        this.flowRate = flowRate;
    }

    public LatentObjective objective() {
        return objective;
    }

    public double flowRate() {
        return flowRate;
    }

    @Override
    public int rowCount() {
        return objective.rowCount();
    }

    @Override
    public int dimension() {
        return objective.latentDimension();
    }

    @Override
    public DescentEvaluation evaluate(double[] times, NDArray z) {
        LossAndGradient lossAndGradient = objective.lossAndGradient(z);
        NDArray velocity = flowRate == 1 ? lossAndGradient.gradient().neg()
                : lossAndGradient.gradient().mul(-flowRate);
        return new DescentEvaluation(lossAndGradient.rowLosses(), velocity);
    }

    @Override
    public GradientFlow restrictTo(int[] rows) {
        return new GradientFlow(objective.restrictTo(rows), flowRate);
    }
}
