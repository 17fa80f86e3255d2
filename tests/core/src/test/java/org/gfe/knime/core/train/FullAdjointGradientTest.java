package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.flow.GradientFlow;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationResult;
import org.gfe.knime.core.ode.RungeKutta4;
import org.gfe.knime.core.ode.StepObserver;
import org.junit.jupiter.api.Test;

/** The full adjoint gradient against central finite differences of the encoded loss in the decoder's parameters. */
class FullAdjointGradientTest {

    private static final double TAU = 1;
    private static final double ALPHA = 1.5;
    private static final double[][] START = {{0.2, -0.1}, {0.5, 0.3}, {-0.4, 0.1}};

    /** L(z(tau)) summed over the rows, the flow solved by RK4 (accurate to ~1e-12 here). */
    private static double encodedLoss(LinearDecoderObjective problem, int gridPoints) {
        try (NDManager manager = DjlRuntime.newManager()) {
            NDArray z0 = BatchArrays.fromRows(manager, START, DataType.FLOAT64);
            IntegrationResult result = new RungeKutta4(gridPoints).integrate(new GradientFlow(problem, ALPHA), z0,
                    TAU, StepObserver.NONE);
            double total = 0;
            for (int m = 0; m < START.length; m++) {
                total += problem.loss(m, result.finalState()[m]);
            }
            return total;
        }
    }

    private static double[] adjoint(LinearDecoderObjective problem, int gridPoints, NDManager manager) {
        NDArray z0 = BatchArrays.fromRows(manager, START, DataType.FLOAT64);
        Trajectory trajectory = new Trajectory(START);
        new RungeKutta4(gridPoints).integrate(new GradientFlow(problem, ALPHA), z0, TAU, trajectory.observer());
        z0.close();
        assertEquals(gridPoints, trajectory.size());
        NDList gradient = FullAdjointGradient.compute(new LinearParameterisedObjective(problem), trajectory, ALPHA,
                manager, DataType.FLOAT64);
        double[] w = gradient.get(0).toDoubleArray();
        double[] b = gradient.get(1).toDoubleArray();
        gradient.close();
        double[] all = new double[w.length + b.length];
        System.arraycopy(w, 0, all, 0, w.length);
        System.arraycopy(b, 0, all, w.length, b.length);
        return all;
    }

    private static double[] finiteDifferences(LinearDecoderObjective problem) {
        double[][] w = problem.weights();
        double[] b = problem.bias();
        int latent = w[0].length;
        double[] gradient = new double[w.length * latent + b.length];
        double eps = 1e-5;
        for (int k = 0; k < gradient.length; k++) {
            double[] values = new double[2];
            for (int sign = 0; sign < 2; sign++) {
                double[][] wc = new double[w.length][];
                for (int p = 0; p < w.length; p++) {
                    wc[p] = w[p].clone();
                }
                double[] bc = b.clone();
                double delta = sign == 0 ? eps : -eps;
                if (k < w.length * latent) {
                    wc[k / latent][k % latent] += delta;
                } else {
                    bc[k - w.length * latent] += delta;
                }
                values[sign] = encodedLoss(new LinearDecoderObjective(wc, bc, problem.targets()), 201);
            }
            gradient[k] = (values[0] - values[1]) / (2 * eps);
        }
        return gradient;
    }

    private static double relativeError(double[] actual, double[] expected) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            difference += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(difference / norm);
    }

    @Test
    void matchesFiniteDifferencesAndIsSecondOrderInTheStep() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(13, 5, 2, 3);
        double[] expected = finiteDifferences(problem);
        try (NDManager manager = DjlRuntime.newManager()) {
            double coarse = relativeError(adjoint(problem, 51, manager), expected);
            double fine = relativeError(adjoint(problem, 201, manager), expected);
            assertTrue(fine < 1e-4, "relative error " + fine);
            double ratio = coarse / fine;
            assertTrue(ratio > 10 && ratio < 22, "4x finer grid should cut the error about 16x, ratio " + ratio);
        }
    }

    /** Resident memory not committed to the JVM's heap and non-heap pools: roughly PyTorch's native memory. */
    private static long nativeKilobytes() {
        System.gc();
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long committed = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        return residentKilobytes() - committed / 1024;
    }

    /** VmRSS of this process, from /proc (0 where there is none). */
    private static long residentKilobytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @Test
    void nativeMemoryStaysFlatOverManyIterations() {
        LinearDecoderObjective problem = LinearDecoderObjective.random(17, 8, 2, 3);
        try (NDManager manager = DjlRuntime.newManager()) {
            adjoint(problem, 51, manager);
            int arraysBefore = manager.getManagedArrays().size();
            // RSS minus committed heap is noisy in a shared test JVM (GC, other tests' garbage): a real leak grows in
            // every round, noise does not, so the round that grew least must stay small
            long leastGrowth = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long nativeBefore = nativeKilobytes();
                for (int iteration = 0; iteration < 100; iteration++) {
                    adjoint(problem, 51, manager);
                }
                leastGrowth = Math.min(leastGrowth, nativeKilobytes() - nativeBefore);
            }
            assertTrue(leastGrowth < 50_000, "memory outside the Java heap grew by at least " + leastGrowth
                    + " kB in each of 3 rounds of 100 passes");
            assertEquals(arraysBefore, manager.getManagedArrays().size(), "no array outlives an iteration");
        }
    }
}
