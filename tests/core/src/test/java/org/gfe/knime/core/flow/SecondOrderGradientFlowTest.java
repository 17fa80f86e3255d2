package org.gfe.knime.core.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.AmdIntegrator;
import org.gfe.knime.core.ode.AmdParameters;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.DescentEvaluation;
import org.gfe.knime.core.ode.IntegrationResult;
import org.gfe.knime.core.ode.PerRowAmdIntegrator;
import org.gfe.knime.core.ode.RungeKutta4;
import org.gfe.knime.core.ode.StepObserver;
import org.junit.jupiter.api.Test;

/** The Nesterov-like flow reaches the least-squares code under RK4 and under AMD (reference and per-row). */
class SecondOrderGradientFlowTest {

    private static final LinearDecoderObjective PROBLEM = LinearDecoderObjective.random(21, 15, 3, 3);

    private static double[] position(double[] state) {
        return java.util.Arrays.copyOf(state, state.length / 2);
    }

    @Test
    void derivativeIsMomentumAndDampedForce() {
        try (NDManager manager = DjlRuntime.newManager()) {
            SecondOrderGradientFlow flow = new SecondOrderGradientFlow(PROBLEM, 2);
            NDArray state = manager.randomUniform(0, 1, new Shape(3, 6), DataType.FLOAT64);
            DescentEvaluation evaluation = flow.evaluate(new double[] {1, 2, 3}, state);
            NDArray v = flow.position(state);
            NDArray m = flow.momentum(state);
            NDArray gradient = PROBLEM.lossAndGradient(v).gradient();
            double[][] derivative = BatchArrays.toRows(evaluation.derivative());
            double[][] momentum = BatchArrays.toRows(m);
            double[][] force = BatchArrays.toRows(gradient);
            double[] losses = BatchArrays.toVector(PROBLEM.rowLosses(v));
            double[] energy = BatchArrays.toVector(evaluation.merit());
            for (int row = 0; row < 3; row++) {
                double t = row + 1;
                double kinetic = 0;
                for (int i = 0; i < 3; i++) {
                    assertEquals(momentum[row][i], derivative[row][i], 1e-12);
                    double expected = -3 / (t + 1e-5) * momentum[row][i] - 2 * force[row][i];
                    assertEquals(expected, derivative[row][3 + i], 1e-12);
                    kinetic += momentum[row][i] * momentum[row][i] / (2 * 2);
                }
                assertEquals(losses[row] + kinetic, energy[row], 1e-12);
            }
        }
    }

    @Test
    void rungeKutta4ReachesTheLeastSquaresCode() {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray start = manager.zeros(new Shape(3, 6), DataType.FLOAT64);
            IntegrationResult result = new RungeKutta4(4001).integrate(new SecondOrderGradientFlow(PROBLEM, 1),
                    start, 400, StepObserver.NONE);
            for (int m = 0; m < 3; m++) {
                double[] v = position(result.finalState()[m]);
                assertArrayEquals(PROBLEM.leastSquares(m), v, 1e-3);
                assertEquals(PROBLEM.loss(m, PROBLEM.leastSquares(m)), PROBLEM.loss(m, v), 1e-6);
            }
        }
    }

    @Test
    void amdWorksOnTheSecondOrderFlow() {
        for (boolean perRow : new boolean[] {false, true}) {
            try (NDManager manager = DjlRuntime.newManager()) {
                NDArray start = manager.zeros(new Shape(3, 6), DataType.FLOAT64);
                SecondOrderGradientFlow flow = new SecondOrderGradientFlow(PROBLEM, 1);
                IntegrationResult result = perRow
                        ? new PerRowAmdIntegrator(AmdParameters.reference()).integrate(flow, start, 1e4,
                                StepObserver.NONE)
                        : new AmdIntegrator(AmdParameters.reference()).integrate(flow, start, 1e4, StepObserver.NONE);
                for (int m = 0; m < 3; m++) {
                    double[] v = position(result.finalState()[m]);
                    double best = PROBLEM.loss(m, PROBLEM.leastSquares(m));
                    assertEquals(best, PROBLEM.loss(m, v), 1e-3 * best, "row " + m + " per-row " + perRow);
                    assertTrue(result.steps()[m] > 0);
                }
            }
        }
    }
}
