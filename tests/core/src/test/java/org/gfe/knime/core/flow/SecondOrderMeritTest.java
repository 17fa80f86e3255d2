package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.AmdParameters;
import org.gfe.knime.core.ode.DescentEquation;
import org.gfe.knime.core.ode.DescentEvaluation;
import org.gfe.knime.core.ode.IntegrationResult;
import org.gfe.knime.core.ode.PerRowAmdIntegrator;
import org.gfe.knime.core.ode.StepObserver;
import org.junit.jupiter.api.Test;

/**
 * Why AMD on the second-order flow tests the energy L(v) + |m|^2/(2 alpha) and not L(v) alone: with the loss alone,
 * momentum makes the loss rise on the exact trajectory, AMD rejects down to forced steps and its convergence test
 * then stops at a worse loss; with the energy it reaches the optimum.
 */
class SecondOrderMeritTest {
    static final class LossOnly implements DescentEquation {
        final SecondOrderGradientFlow flow;
        LossOnly(SecondOrderGradientFlow flow) { this.flow = flow; }
        public int rowCount() { return flow.rowCount(); }
        public int dimension() { return flow.dimension(); }
        public DescentEvaluation evaluate(double[] times, NDArray state) {
            DescentEvaluation e = flow.evaluate(times, state);
            return new DescentEvaluation(flow.objective().rowLosses(flow.position(state)), e.derivative());
        }
        public NDArray advance(double[] times, double[] steps, NDArray state, NDArray derivative) {
            return flow.advance(times, steps, state, derivative);
        }
        public DescentEquation restrictTo(int[] rows) { return new LossOnly(flow.restrictTo(rows)); }
    }

    @Test
    void energyMeritReachesTheOptimumWhereTheLossAloneStalls() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(21, 15, 3, 3);
        for (boolean energy : new boolean[] {true, false}) {
            try (NDManager manager = DjlRuntime.newManager()) {
                NDArray start = manager.zeros(new Shape(3, 6), DataType.FLOAT64);
                SecondOrderGradientFlow flow = new SecondOrderGradientFlow(problem, 1);
                DescentEquation eq = energy ? flow : new LossOnly(flow);
                                IntegrationResult r = new PerRowAmdIntegrator(AmdParameters.reference()).integrate(eq, start, 1e4, StepObserver.NONE);
                for (int m = 0; m < 3; m++) {
                    double[] v = java.util.Arrays.copyOf(r.finalState()[m], 3);
                    double best = problem.loss(m, problem.leastSquares(m));
                    double excess = (problem.loss(m, v) - best) / best;
                    if (energy) {
                        org.junit.jupiter.api.Assertions.assertTrue(excess < 1e-5, "energy merit, row " + m + ": " + excess);
                    } else {
                        org.junit.jupiter.api.Assertions.assertTrue(excess > 1e-4, "loss merit, row " + m + ": " + excess);
                    }
                }
            }
        }
    }
}
