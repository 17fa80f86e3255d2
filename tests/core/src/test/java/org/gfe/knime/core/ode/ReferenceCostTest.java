package org.gfe.knime.core.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.flow.SeparableObjective;
import org.junit.jupiter.api.Test;

/**
 * The reference spends 3 forwards + 1 input-backward per AMD attempt (loss at z, loss at z1, and f(z1)); the project's
 * AMD spends 1 + 1 and must follow the same trajectory. Checked against a literal transcription of the spec's
 * pseudo-code, on a float32 linear decoder.
 */
class ReferenceCostTest {

    /** The spec's pseudo-code, line by line, with its three loss evaluations per attempt. */
    private static double[][] literalReference(LatentObjective objective, double[][] z0, double tau,
            AmdParameters p, int[] stepsOut) {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray z = BatchArrays.fromRows(manager, z0, DataType.FLOAT32);
            double t = 0;
            double h = p.initialStep();
            NDArray g = objective.lossAndGradient(z).gradient().neg();
            double[] hist = new double[5];
            int recorded = 0;
            boolean converged = false;
            int steps = 0;
            while (t < tau && !converged) {
                NDArray l0 = objective.rowLosses(z);
                NDArray z1 = z.add(g.mul(h));
                NDArray g1 = objective.lossAndGradient(z1).gradient().neg();
                NDArray l1 = objective.rowLosses(z1);
                boolean accept = l0.sub(l1).gte(g1.square().sum(new int[] {1}).mul(p.armijoFactor(h))).all()
                        .getBoolean();
                if (h < Math.pow(p.shrinkFactor(), p.giveUpExponent())) {
                    h = Math.min(p.forcedStep(), tau - t);
                    accept = true;
                }
                if (accept) {
                    double tOld = t;
                    z = z1;
                    g = g1;
                    t += h;
                    steps++;
                    h = Math.min(Math.min(Math.max(p.initialStep(), 1.1 * h), p.maximumStep()), tau - tOld);
                    if ((tau - t) / tau <= p.monitoringFraction()) {
                        System.arraycopy(hist, 1, hist, 0, 4);
                        hist[4] = l1.mean().toType(DataType.FLOAT64, false).getDouble();
                        recorded++;
                        converged = recorded >= 5 && Math.abs(0.3 * (hist[4] - hist[0]) + 0.1 * (hist[1] - hist[3]))
                                < p.convergenceTolerance();
                    }
                } else {
                    h = p.shrinkFactor() * h;
                }
            }
            stepsOut[0] = steps;
            return BatchArrays.toRows(z);
        }
    }

    @Test
    void unconvergedEncodeCosts3049ForwardsInTheReferenceAnd1017Here() {
        double[][] z0 = new double[4][3];
        SeparableObjective literal = SeparableObjective.falling(4, 3, 0.01);
        int[] literalSteps = new int[1];
        double[][] expected = literalReference(literal, z0, 1e4, AmdParameters.reference(), literalSteps);
        assertEquals(1016, literalSteps[0]);
        assertEquals(3049L * 4, literal.evaluations, "reference: 1 + 3 x 1016 forwards per row");
        assertEquals(1017L * 4, literal.gradients);

        SeparableObjective ours = SeparableObjective.falling(4, 3, 0.01);
        try (NDManager manager = DjlRuntime.newManager()) {
            IntegrationResult result = new AmdIntegrator(AmdParameters.reference()).integrate(
                    new GradientFlow(ours, 1), BatchArrays.fromRows(manager, z0, DataType.FLOAT32), 1e4,
                    StepObserver.NONE);
            assertEquals(1016, result.steps()[0]);
            assertEquals(1017L * 4, ours.evaluations, "here: 1 + 1016 forwards per row");
            assertEquals(1017L * 4, ours.gradients);
            for (int m = 0; m < 4; m++) {
                assertArrayEquals(expected[m], result.finalState()[m], 0, "same trajectory, row " + m);
            }
        }
    }

    @Test
    void sameTrajectoryWithRejectionsAndConvergence() {
        LinearDecoderObjective stiff = LinearDecoderObjective.random(9, 10, 3, 4);
        double[][] z0 = {{0.1, 0.2, 0.3}, {0.5, 0.1, 0.9}, {0.7, 0.7, 0.2}, {0.3, 0.8, 0.4}};
        int[] literalSteps = new int[1];
        double[][] expected = literalReference(stiff, z0, 1e4, AmdParameters.reference(), literalSteps);
        try (NDManager manager = DjlRuntime.newManager()) {
            int[] attempts = new int[1];
            IntegrationResult result = new AmdIntegrator(AmdParameters.reference()).integrate(
                    new GradientFlow(stiff.restrictTo(new int[] {0, 1, 2, 3}), 1),
                    BatchArrays.fromRows(manager, z0, DataType.FLOAT32), 1e4, info -> ++attempts[0] > 0);
            assertEquals(literalSteps[0], result.steps()[0]);
            assertTrue(attempts[0] > result.steps()[0], "the run had rejections");
            assertTrue(result.converged()[0]);
            for (int m = 0; m < 4; m++) {
                assertArrayEquals(expected[m], result.finalState()[m], 0, "same trajectory, row " + m);
            }
        }
    }
}
