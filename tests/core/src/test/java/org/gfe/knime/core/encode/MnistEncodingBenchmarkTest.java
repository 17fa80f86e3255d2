package org.gfe.knime.core.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.StepObserver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures (does not time-assert) AMD encodes of MNIST rows with the 20-150-300-600-784 ELU decoder (random init):
 * the reference-faithful batch of 16 and the per-row encode of 512. Run on its own:
 * {@code ./mvnw -o -pl tests/core test -Dtest=MnistEncodingBenchmarkTest -Dgfe.benchmark=true}.
 */
@Tag("benchmark")
class MnistEncodingBenchmarkTest {

    private static final int[] MNIST_DECODER = {20, 150, 300, 600, 784};

    @Test
    void measureEncodes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("gfe.benchmark"),
                "benchmark: run with -Dgfe.benchmark=true");
        double[][] images = MnistImages.read(MnistImages.TRAINING, 512);
        try (NDManager manager = DjlRuntime.newManager()) {
            // reference-faithful, 16 rows, forced to the unconverged 1016-step schedule by gtol = 0
            SolverSettings reference = SolverSettings.defaults().toBuilder().integrator(IntegratorKind.AMD_REFERENCE)
                    .convergenceTolerance(0).build();
            run(manager, reference, Arrays.copyOf(images, 16), "AMD_REFERENCE gtol=0, 16 rows");
            run(manager, SolverSettings.defaults().toBuilder().integrator(IntegratorKind.AMD_REFERENCE).build(),
                    Arrays.copyOf(images, 16), "AMD_REFERENCE default gtol, 16 rows");
            run(manager, SolverSettings.defaults(), Arrays.copyOf(images, 128), "AMD_PER_ROW default, one batch of 128 rows");
            MlpTestObjective decoder = MlpTestObjective.create(manager, MNIST_DECODER, 2020, Arrays.copyOf(images, 1));
            ObjectiveSource source = new ObjectiveSource() {
                @Override
                public int columnCount() {
                    return 784;
                }

                @Override
                public int latentDimension() {
                    return 20;
                }

                @Override
                public DataType precision() {
                    return DataType.FLOAT32;
                }

                @Override
                public org.gfe.knime.core.flow.LatentObjective objective(NDManager batchManager, double[][] rows) {
                    return decoder.withTargets(batchManager, rows);
                }
            };
            long[] ids = new long[images.length];
            Arrays.setAll(ids, m -> m);
            java.util.List<EncodedRow> first = null;
            for (int batchSize : new int[] {64, 128}) {
            for (int threads : new int[] {1, 2}) {
                long start = System.nanoTime();
                SolverSettings settings = SolverSettings.defaults().toBuilder().encodingBatchSize(batchSize).build();
                java.util.List<EncodedRow> codes = new LatentEncoder(source, settings, threads)
                        .encode(images, ids, EncodingListener.NONE);
                System.out.printf("BENCH LatentEncoder AMD_PER_ROW 512 rows, batches of %d, %d thread(s): %.2f s%n",
                        batchSize, threads, (System.nanoTime() - start) / 1e9);
                if (first == null) {
                    first = codes;
                } else {
                    for (int m = 0; m < codes.size(); m++) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(first.get(m).code(), codes.get(m).code(), 0);
                    }
                }
            }
            }
        }
    }

    private static void run(NDManager manager, SolverSettings settings, double[][] rows, String label) {
        MlpTestObjective objective = MlpTestObjective.create(manager, MNIST_DECODER, 2020, rows);
        long[] identities = new long[rows.length];
        Arrays.setAll(identities, m -> m);
        NDArray z0 = BatchArrays.fromRows(manager, InitialCodes.of(settings, identities, 20), DataType.FLOAT32);
        long start = System.nanoTime();
        FlowSolution solution = new FlowSolver(settings).solve(objective, z0, StepObserver.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        long forwards = Arrays.stream(solution.forwards()).sum();
        long backwards = Arrays.stream(solution.inputBackwards()).sum();
        long converged = 0;
        for (boolean c : solution.converged()) {
            converged += c ? 1 : 0;
        }
        double meanSteps = Arrays.stream(solution.steps()).average().orElse(0);
        double meanLoss = Arrays.stream(solution.losses()).average().orElse(0);
        System.out.printf("BENCH %s: %.2f s wall, %d rows, steps per row mean %.1f (max %d), decoder forwards per row"
                + " %.1f, input-backwards per row %.1f, converged %d, mean loss %.4f, counted rows-forwards %d%n",
                label, seconds, rows.length, meanSteps, Arrays.stream(solution.steps()).max().orElse(0),
                forwards / (double) rows.length, backwards / (double) rows.length, converged, meanLoss,
                objective.counter().forwards);
        assertTrue(meanLoss > 0 && meanLoss < 1);
        if (settings.convergenceTolerance() == 0) {
            assertEquals(1016, solution.steps()[0]);
        }
    }
}
