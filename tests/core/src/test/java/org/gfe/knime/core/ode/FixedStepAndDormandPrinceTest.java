package org.gfe.knime.core.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.DenseMath;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.junit.jupiter.api.Test;

/** Euler, RK4 and Dormand-Prince on the linear flow dz/dt = -A z + c, whose solution is known in closed form. */
class FixedStepAndDormandPrinceTest {

    private static final LinearDecoderObjective PROBLEM = LinearDecoderObjective.random(7, 12, 3, 4);

    /** z(t) = z* + exp(-A t)(z0 - z*). */
    private static double[] exactSolution(int row, double[] z0, double t) {
        double[] optimum = PROBLEM.leastSquares(row);
        double[][] a = PROBLEM.flowMatrix(1);
        for (double[] r : a) {
            for (int j = 0; j < r.length; j++) {
                r[j] *= -t;
            }
        }
        double[] offset = new double[z0.length];
        for (int i = 0; i < z0.length; i++) {
            offset[i] = z0[i] - optimum[i];
        }
        double[] decayed = DenseMath.multiply(DenseMath.exp(a), offset);
        for (int i = 0; i < z0.length; i++) {
            decayed[i] += optimum[i];
        }
        return decayed;
    }

    private static double[][] startingPoints() {
        double[][] z0 = new double[PROBLEM.rowCount()][PROBLEM.latentDimension()];
        for (int m = 0; m < z0.length; m++) {
            for (int i = 0; i < z0[m].length; i++) {
                z0[m][i] = 0.3 * (m - i);
            }
        }
        return z0;
    }

    private static IntegrationResult run(Integrator<FirstOrderEquation> integrator, double tau, StepObserver observer) {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray z0 = BatchArrays.fromRows(manager, startingPoints(), DataType.FLOAT64);
            return integrator.integrate(new GradientFlow(PROBLEM, 1), z0, tau, observer);
        }
    }

    @Test
    void rungeKutta4MatchesTheClosedFormSolution() {
        double tau = 2;
        IntegrationResult result = run(new RungeKutta4(201), tau, StepObserver.NONE);
        for (int m = 0; m < PROBLEM.rowCount(); m++) {
            assertArrayEquals(exactSolution(m, startingPoints()[m], tau), result.finalState()[m], 1e-9);
            assertEquals(4 * 200, result.evaluations()[m]);
            assertEquals(200, result.steps()[m]);
        }
    }

    @Test
    void rungeKutta4IsFourthOrder() {
        double tau = 2;
        double[] exact = exactSolution(0, startingPoints()[0], tau);
        double coarse = DenseMath.distance(exact, run(new RungeKutta4(11), tau, StepObserver.NONE).finalState()[0]);
        double fine = DenseMath.distance(exact, run(new RungeKutta4(21), tau, StepObserver.NONE).finalState()[0]);
        double ratio = coarse / fine;
        assertTrue(ratio > 12 && ratio < 20, "halving h should divide the error by about 16, ratio " + ratio);
    }

    @Test
    void eulerConvergesToTheLeastSquaresCode() {
        IntegrationResult result = run(new Euler(2001), 100, StepObserver.NONE);
        for (int m = 0; m < PROBLEM.rowCount(); m++) {
            assertArrayEquals(PROBLEM.leastSquares(m), result.finalState()[m], 1e-8);
        }
    }

    @Test
    void eulerIsFirstOrder() {
        double tau = 2;
        double[] exact = exactSolution(1, startingPoints()[1], tau);
        double coarse = DenseMath.distance(exact, run(new Euler(101), tau, StepObserver.NONE).finalState()[1]);
        double fine = DenseMath.distance(exact, run(new Euler(201), tau, StepObserver.NONE).finalState()[1]);
        assertEquals(2, coarse / fine, 0.2);
    }

    @Test
    void dormandPrinceMatchesTheClosedFormAndConverges() {
        IntegrationResult shortRun = run(new DormandPrince54(1e-9, 1e-12), 2, StepObserver.NONE);
        for (int m = 0; m < PROBLEM.rowCount(); m++) {
            assertArrayEquals(exactSolution(m, startingPoints()[m], 2), shortRun.finalState()[m], 1e-7);
        }
        IntegrationResult longRun = run(new DormandPrince54(1e-6, 1e-9), 200, StepObserver.NONE);
        for (int m = 0; m < PROBLEM.rowCount(); m++) {
            assertArrayEquals(PROBLEM.leastSquares(m), longRun.finalState()[m], 1e-6);
            assertEquals(200, longRun.endTimes()[m], 1e-12);
        }
        assertTrue(longRun.steps()[0] < 2000, "adaptive steps should grow, took " + longRun.steps()[0]);
    }

    @Test
    void observerSeesEveryStepAndCanCancel() {
        AtomicInteger seen = new AtomicInteger();
        run(new RungeKutta4(11), 1, info -> {
            seen.incrementAndGet();
            assertEquals(PROBLEM.rowCount(), info.activeRows().length);
            return true;
        });
        assertEquals(10, seen.get());
        AtomicInteger beforeCancel = new AtomicInteger();
        assertThrows(IntegrationCancelledException.class,
                () -> run(new Euler(101), 1, info -> beforeCancel.incrementAndGet() < 3));
        assertEquals(3, beforeCancel.get());
    }

    @Test
    void stepsDoNotLeaveArraysBehind() {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray z0 = BatchArrays.fromRows(manager, startingPoints(), DataType.FLOAT64);
            int before = manager.getManagedArrays().size();
            new RungeKutta4(501).integrate(new GradientFlow(PROBLEM, 1), z0, 5, StepObserver.NONE);
            new DormandPrince54(1e-6, 1e-9).integrate(new GradientFlow(PROBLEM, 1), z0, 5, StepObserver.NONE);
            assertEquals(before, manager.getManagedArrays().size());
        }
    }
}
