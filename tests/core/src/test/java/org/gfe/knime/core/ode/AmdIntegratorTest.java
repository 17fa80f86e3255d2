package org.gfe.knime.core.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.SeparableObjective;
import org.junit.jupiter.api.Test;

/** The reference-faithful AMD rule (spec section 4), step by step. */
class AmdIntegratorTest {

    private static final AmdParameters MNIST = AmdParameters.reference();

    private record Attempt(double time, double step) {
    }

    private static IntegrationResult run(Integrator<DescentEquation> integrator, DescentEquation equation,
            double[][] z0, double tau, List<Attempt> attempts, DataType type) {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray start = BatchArrays.fromRows(manager, z0, type);
            return integrator.integrate(equation, start, tau, info -> {
                attempts.add(new Attempt(info.time(), info.step()));
                return true;
            });
        }
    }

    @Test
    void numpyGradientMeanOnAKnownSequence() {
        // numpy.gradient([5, 3, 2, 1.5, 1.25]) = [-2, -1.5, -0.75, -0.375, -0.25], mean -0.975
        assertEquals(-0.975, LossSlope.meanGradient(5, 3, 2, 1.5, 1.25), 1e-15);
        // the closed form the spec writes: 0.3 (e - a) + 0.1 (b - d)
        assertEquals(0.3 * (1.25 - 5) + 0.1 * (3 - 1.5), LossSlope.meanGradient(5, 3, 2, 1.5, 1.25), 1e-15);
        // a linear sequence of slope s has mean gradient s; a constant one 0
        assertEquals(-0.01, LossSlope.meanGradient(1, 0.99, 0.98, 0.97, 0.96), 1e-15);
        assertEquals(0, LossSlope.meanGradient(2, 2, 2, 2, 2));
        assertTrue(LossSlope.converged(new double[] {1, 1 - 4e-6, 1 - 8e-6, 1 - 12e-6, 1 - 16e-6}, 1e-5));
        assertFalse(LossSlope.converged(new double[] {1, 1 - 4e-5, 1 - 8e-5, 1 - 12e-5, 1 - 16e-5}, 1e-5));
    }

    @Test
    void unconvergedRunWithoutRejectionsTakes1016StepsAndEndsAt10008point347() {
        List<Attempt> attempts = new ArrayList<>();
        SeparableObjective falling = SeparableObjective.falling(3, 4, 1);
        IntegrationResult result = run(new AmdIntegrator(MNIST), new GradientFlow(falling, 1), new double[3][4], 1e4,
                attempts, DataType.FLOAT64);
        assertEquals(1016, attempts.size(), "no attempt was rejected");
        assertEquals(1016, result.steps()[0]);
        assertEquals(1017, result.evaluations()[0], "1 evaluation at the start and 1 per attempt");
        assertEquals(10008.347, result.endTimes()[0], 5e-4);
        assertEquals(9910 + (Math.pow(1.1, 25) - 1) / 0.1, result.endTimes()[0], 1e-8);
        assertFalse(result.converged()[0]);
        for (int k = 0; k < 25; k++) {
            assertEquals(Math.pow(1.1, k), attempts.get(k).step(), 1e-9 * Math.pow(1.1, k), "step " + k);
        }
        for (int k = 25; k < 1016; k++) {
            assertEquals(10, attempts.get(k).step(), 1e-12, "step " + k);
        }
        // the state moved by t along the constant velocity (1/sqrt(4) in each coordinate)
        assertArrayEquals(new double[] {0.5 * result.endTimes()[0], 0.5 * result.endTimes()[0],
            0.5 * result.endTimes()[0], 0.5 * result.endTimes()[0]}, result.finalState()[2], 1e-6);
    }

    @Test
    void convergesOnTheBatchMeanWhenTheFiveStepSlopeIsBelowTolerance() {
        double[][] centres = {{1, 2}, {-1, 0.5}};
        List<Double> meanLosses = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        SeparableObjective bowl = SeparableObjective.bowl(0.05, centres);
        DescentEquation recording = new RecordingEquation(new GradientFlow(bowl, 1), meanLosses);
        IntegrationResult result = run(new AmdIntegrator(MNIST), recording, new double[2][2], 1e4, attempts,
                DataType.FLOAT64);
        assertTrue(result.converged()[0] && result.converged()[1]);
        assertTrue(result.endTimes()[0] < 1e4);
        assertArrayEquals(centres[1], result.finalState()[1], 1e-2);
        // recompute the rule from the recorded losses: monitored from t >= 200, stop at the first slope below gtol
        List<Double> monitored = new ArrayList<>();
        int stopAt = -1;
        for (int k = 0; k < attempts.size(); k++) {
            if ((1e4 - attempts.get(k).time()) / 1e4 <= 0.98) {
                monitored.add(meanLosses.get(k + 1));
                int n = monitored.size();
                if (n >= 5 && Math.abs(LossSlope.meanGradient(monitored.get(n - 5), monitored.get(n - 4),
                        monitored.get(n - 3), monitored.get(n - 2), monitored.get(n - 1))) < 1e-5) {
                    stopAt = k;
                    break;
                }
            }
        }
        assertEquals(attempts.size() - 1, stopAt, "stops at the first step the rule allows");
    }

    @Test
    void rejectionShrinksTheStep() {
        // l = 0.5 * 3 z^2: from z the Euler step of h = 1 lands at -2z (loss up, rejected); h = 0.5 lands at -z/2
        List<Attempt> attempts = new ArrayList<>();
        SeparableObjective steep = SeparableObjective.bowl(3, new double[][] {{0}});
        run(new AmdIntegrator(MNIST), new GradientFlow(steep, 1), new double[][] {{1}}, 2, attempts,
                DataType.FLOAT64);
        assertEquals(0, attempts.get(0).time(), "first attempt rejected: the clock stays");
        assertEquals(1, attempts.get(0).step());
        assertEquals(0.5, attempts.get(1).time(), "second attempt with h = rho h accepted");
        assertEquals(0.5, attempts.get(1).step());
    }

    @Test
    void forcedStepMovesTheStateByTheTinyStepAndTheClockByHconv() {
        List<Attempt> attempts = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        DescentEquation stubborn = new NeverDecreasing(1);
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray start = manager.zeros(new Shape(1, 1), DataType.FLOAT64);
            IntegrationResult result = new AmdIntegrator(MNIST).integrate(stubborn, start, 25, info -> {
                attempts.add(new Attempt(info.time(), info.step()));
                states.add(BatchArrays.toVector(info.state()));
                return true;
            });
            // h = 1, 0.5, ..., 0.5^20 are all rejected (h < rho^K is strict), 0.5^21 is forced
            for (int k = 0; k <= 20; k++) {
                assertEquals(0, attempts.get(k).time());
            }
            assertEquals(10, attempts.get(21).time(), "the clock advances by hconv");
            assertEquals(Math.pow(0.5, 21), states.get(21)[0], 0, "the state moves by the tiny step");
            // next: h = min(max(h0, 1.1 * 10), hmax, tau - 0) = 10; 10 * 0.5^k stays >= 0.5^20 up to k = 23,
            // so 24 rejections, then a forced step at k = 24
            for (int k = 22; k <= 45; k++) {
                assertEquals(10, attempts.get(k).time());
            }
            assertEquals(20, attempts.get(46).time());
            assertEquals(25, result.endTimes()[0], 0, "last forced step clipped to tau - t");
            assertEquals(72, attempts.size());
            assertEquals(1 + 72, result.evaluations()[0]);
            assertEquals(3, result.steps()[0]);
        }
    }

    @Test
    void firstOrderFloat32MatchesFloat64Closely() {
        SeparableObjective bowl = SeparableObjective.bowl(0.05, new double[][] {{1, 2}});
        IntegrationResult single = run(new AmdIntegrator(MNIST), new GradientFlow(bowl, 1), new double[1][2], 500,
                new ArrayList<>(), DataType.FLOAT32);
        IntegrationResult dbl = run(new AmdIntegrator(MNIST), new GradientFlow(bowl, 1), new double[1][2], 500,
                new ArrayList<>(), DataType.FLOAT64);
        assertArrayEquals(dbl.finalState()[0], single.finalState()[0], 1e-4);
    }

    /** Merit constant and velocity 1: every Armijo test fails. */
    private static final class NeverDecreasing implements DescentEquation {
        private final int rows;

        NeverDecreasing(int rows) {
            this.rows = rows;
        }

        @Override
        public int rowCount() {
            return rows;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public DescentEvaluation evaluate(double[] times, NDArray state) {
            return new DescentEvaluation(state.getManager().ones(new Shape(rows), state.getDataType()),
                    state.onesLike());
        }

        @Override
        public DescentEquation restrictTo(int[] subset) {
            return new NeverDecreasing(subset.length);
        }
    }

    /** Records the batch-mean merit of every evaluation. */
    static final class RecordingEquation implements DescentEquation {
        private final DescentEquation inner;
        private final List<Double> means;

        RecordingEquation(DescentEquation inner, List<Double> means) {
            this.inner = inner;
            this.means = means;
        }

        @Override
        public int rowCount() {
            return inner.rowCount();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public DescentEvaluation evaluate(double[] times, NDArray state) {
            DescentEvaluation evaluation = inner.evaluate(times, state);
            means.add(evaluation.merit().mean().getDouble());
            return evaluation;
        }

        @Override
        public DescentEquation restrictTo(int[] rows) {
            return new RecordingEquation(inner.restrictTo(rows), means);
        }
    }

}
