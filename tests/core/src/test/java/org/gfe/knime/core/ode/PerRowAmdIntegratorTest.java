package org.gfe.knime.core.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.flow.SeparableObjective;
import org.junit.jupiter.api.Test;

/** Per-row AMD: each row runs the reference rule on its own, and leaves the batch when done. */
class PerRowAmdIntegratorTest {

    private static final AmdParameters MNIST = AmdParameters.reference();

    private static IntegrationResult run(Integrator<DescentEquation> integrator, LatentObjective objective,
            double[][] z0, double tau, DataType type, StepObserver observer) {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray start = BatchArrays.fromRows(manager, z0, type);
            return integrator.integrate(new GradientFlow(objective, 1), start, tau, observer);
        }
    }

    private static double[][] starts(int rows, int latent) {
        double[][] z0 = new double[rows][latent];
        java.util.Random random = new java.util.Random(3);
        for (double[] row : z0) {
            for (int i = 0; i < latent; i++) {
                row[i] = random.nextDouble();
            }
        }
        return z0;
    }

    private static int[] order(int... rows) {
        return rows;
    }

    private static double[][] pick(double[][] rows, int[] order) {
        double[][] picked = new double[order.length][];
        for (int i = 0; i < order.length; i++) {
            picked[i] = rows[order[i]];
        }
        return picked;
    }

    private void assertRowIndependentOfBatch(DataType type) {
        LinearDecoderObjective problem = LinearDecoderObjective.random(11, 30, 4, 6);
        double[][] z0 = starts(6, 4);
        IntegrationResult batch = run(new PerRowAmdIntegrator(MNIST), problem, z0, 1e4, type, StepObserver.NONE);
        int[] shuffled = order(3, 5, 0, 2, 1, 4);
        IntegrationResult permuted = run(new PerRowAmdIntegrator(MNIST), problem.restrictTo(shuffled),
                pick(z0, shuffled), 1e4, type, StepObserver.NONE);
        for (int m = 0; m < 6; m++) {
            IntegrationResult alone = run(new PerRowAmdIntegrator(MNIST), problem.restrictTo(new int[] {m}),
                    new double[][] {z0[m]}, 1e4, type, StepObserver.NONE);
            assertArrayEquals(alone.finalState()[0], batch.finalState()[m], 0, "row " + m + " alone vs batch");
            assertEquals(alone.steps()[0], batch.steps()[m]);
            assertEquals(alone.evaluations()[0], batch.evaluations()[m]);
            assertEquals(alone.endTimes()[0], batch.endTimes()[m], 0);
            assertEquals(alone.finalMerit()[0], batch.finalMerit()[m], 0);
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(batch.finalState()[shuffled[i]], permuted.finalState()[i], 0, "position " + i);
        }
        // and it is an encoding: near the least-squares code
        for (int m = 0; m < 6; m++) {
            assertArrayEquals(problem.leastSquares(m), batch.finalState()[m], 1e-2);
        }
    }

    @Test
    void rowResultIsBitIdenticalAloneInABatchAndAtAnyPositionFloat64() {
        assertRowIndependentOfBatch(DataType.FLOAT64);
    }

    @Test
    void rowResultIsBitIdenticalAloneInABatchAndAtAnyPositionFloat32() {
        assertRowIndependentOfBatch(DataType.FLOAT32);
    }

    /**
     * Without padding (as training solves) a row's arithmetic depends on its batch's shape within rounding, but the
     * rule is still per row: in float64 every row takes exactly the decisions it takes alone (same accepted steps,
     * same attempts, same clock), and its code agrees to rounding. (Over [0, 300]: near the optimum the Armijo
     * decrease itself falls to the rounding level, where any change of summation order may flip a decision, padded
     * or not; padding is what makes those last decisions batch-independent too.)
     */
    @Test
    void withoutPaddingEachRowTakesTheDecisionsItTakesAloneFloat64() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(17, 30, 4, 6);
        double[][] z0 = starts(6, 4);
        List<int[]> activeSets = new ArrayList<>();
        double tau = 300;
        IntegrationResult batch = run(new PerRowAmdIntegrator(MNIST, 1), problem, z0, tau, DataType.FLOAT64, info -> {
            activeSets.add(info.activeRows().clone());
            return true;
        });
        long rejections = 0;
        for (int m = 0; m < 6; m++) {
            List<Double> clock = new ArrayList<>();
            IntegrationResult alone = run(new PerRowAmdIntegrator(MNIST, 1), problem.restrictTo(new int[] {m}),
                    new double[][] {z0[m]}, tau, DataType.FLOAT64, info -> {
                        clock.add(info.time());
                        return true;
                    });
            assertEquals(alone.steps()[0], batch.steps()[m], "accepted steps of row " + m);
            assertEquals(alone.evaluations()[0], batch.evaluations()[m], "attempts of row " + m);
            assertEquals(alone.endTimes()[0], batch.endTimes()[m], 0, "clock of row " + m);
            assertEquals(alone.converged()[0], batch.converged()[m]);
            assertArrayEquals(alone.finalState()[0], batch.finalState()[m], 1e-9, "code of row " + m);
            assertTrue(alone.steps()[0] > 10);
            rejections += alone.evaluations()[0] - 1 - alone.steps()[0];
        }
        assertTrue(rejections > 0, "the rows had rejected attempts");
        // the batch really shrank as rows finished (no padding rows were evaluated for them)
        assertTrue(activeSets.stream().anyMatch(rows -> rows.length > 0 && rows.length < 6));
    }

    @Test
    void aSingleRowFollowsTheReferenceRuleExactly() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(5, 20, 3, 1);
        double[][] z0 = starts(1, 3);
        IntegrationResult reference = run(new AmdIntegrator(MNIST), problem, z0, 1e4, DataType.FLOAT64,
                StepObserver.NONE);
        IntegrationResult perRow = run(new PerRowAmdIntegrator(MNIST, 1), problem, z0, 1e4, DataType.FLOAT64,
                StepObserver.NONE);
        assertArrayEquals(reference.finalState()[0], perRow.finalState()[0], 0);
        assertEquals(reference.steps()[0], perRow.steps()[0]);
        assertEquals(reference.endTimes()[0], perRow.endTimes()[0], 0);
        assertEquals(reference.converged()[0], perRow.converged()[0]);
    }

    @Test
    void theStationarityTestStopsRowsWhoseFlowHasStopped() {
        // least squares with a residual: the loss stays positive at the optimum while the flow stops
        LinearDecoderObjective problem = LinearDecoderObjective.random(2, 20, 3, 4);
        double[][] z0 = starts(4, 3);
        AmdParameters slopeOnly = new AmdParameters(1, 10, 0.5, 20, 1e-5, 0, 0.98, 10); // gtol 0: runs to tau
        AmdParameters stationary = new AmdParameters(1, 10, 0.5, 20, 1e-5, 0, 0.98, 10, 1e-8);
        IntegrationResult full = run(new PerRowAmdIntegrator(slopeOnly), problem, z0, 1e4, DataType.FLOAT64,
                info -> true);
        IntegrationResult stopped = run(new PerRowAmdIntegrator(stationary), problem, z0, 1e4, DataType.FLOAT64,
                info -> true);
        for (int m = 0; m < 4; m++) {
            assertTrue(stopped.converged()[m] && !full.converged()[m], "row " + m);
            assertTrue(stopped.steps()[m] < full.steps()[m] / 10, "row " + m + ": " + stopped.steps()[m] + " vs "
                    + full.steps()[m] + " steps");
            assertEquals(full.finalMerit()[m], stopped.finalMerit()[m], 1e-6 * full.finalMerit()[m],
                    "row " + m + " stopped at its optimum's loss");
        }
        IntegrationResult atOptimum = run(new PerRowAmdIntegrator(stationary), problem, full.finalState(), 1e4,
                DataType.FLOAT64, info -> true);
        assertArrayEquals(new int[4], atOptimum.steps(), "rows that start at their optimum take no step");
        assertArrayEquals(new long[] {1, 1, 1, 1}, atOptimum.evaluations(), "one evaluation to see it");
        assertArrayEquals(full.finalState()[2], atOptimum.finalState()[2], 0);
    }

    @Test
    void convergedRowsLeaveTheBatchAndStopCosting() {
        SeparableObjective bowls = SeparableObjective.bowl(0.5, new double[][] {{1, -1}, {0.5, 2}});
        SeparableObjective mixed = bowls.stack(SeparableObjective.falling(1, 2, 1));
        List<int[]> activeSets = new ArrayList<>();
        IntegrationResult result = run(new PerRowAmdIntegrator(MNIST), mixed, new double[3][2], 1e4,
                DataType.FLOAT64, info -> {
                    activeSets.add(info.activeRows().clone());
                    return true;
                });
        assertTrue(result.converged()[0] && result.converged()[1]);
        assertFalse(result.converged()[2]);
        assertEquals(1016, result.steps()[2], "the falling row runs the full schedule");
        assertEquals(1017, result.evaluations()[2]);
        assertTrue(result.evaluations()[0] < 200, "converged row cost " + result.evaluations()[0]);
        assertArrayEquals(new double[] {1, -1}, result.finalState()[0], 1e-3);
        assertArrayEquals(new int[] {2}, activeSets.get(activeSets.size() - 2), "only the falling row runs at the end");
        assertEquals(0, activeSets.get(activeSets.size() - 1).length);
        long attemptsWithAllRows = activeSets.stream().filter(rows -> rows.length == 3).count();
        assertTrue(attemptsWithAllRows < 200);
    }

    @Test
    void aRowWithANonFiniteLossStopsEarlyWithoutHarmingItsBatchMates() {
        SeparableObjective bowls = SeparableObjective.bowl(0.5, new double[][] {{1, -1}, {0.5, 2}});
        double[][] z0 = {{0, 0}, {Double.NaN, 0}};
        IntegrationResult result = run(new PerRowAmdIntegrator(MNIST), bowls, z0, 1e4, DataType.FLOAT64,
                StepObserver.NONE);
        assertTrue(Double.isNaN(result.finalMerit()[1]));
        assertFalse(result.converged()[1]);
        assertEquals(1 + 22, result.evaluations()[1], "21 rejections, one forced step, then it stops");
        assertTrue(result.converged()[0]);
        assertArrayEquals(new double[] {1, -1}, result.finalState()[0], 1e-3);
    }
}
