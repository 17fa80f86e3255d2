package org.gfe.knime.core.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.flow.LatentObjective;
import org.junit.jupiter.api.Test;

/**
 * With the MNIST-shaped ELU decoder in float32, a row's per-row-AMD code is bit-identical whatever the encoding batch
 * size and the row's position (guards the evaluation padding of PerRowAmdIntegrator).
 */
class MnistBatchInvarianceTest {

    @Test
    void codesAreIdenticalAcrossBatchSizesAndPositions() throws Exception {
        double[][] images = MnistImages.read(MnistImages.TRAINING, 70);
        try (NDManager manager = DjlRuntime.newManager()) {
            MlpTestObjective decoder = MlpTestObjective.create(manager, new int[] {20, 150, 300, 600, 784}, 2020,
                    Arrays.copyOf(images, 1));
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
                public LatentObjective objective(NDManager batchManager, double[][] rows) {
                    return decoder.withTargets(batchManager, rows);
                }
            };
            long[] ids = new long[images.length];
            Arrays.setAll(ids, m -> 31 * m + 5);
            SolverSettings settings = SolverSettings.defaults().toBuilder().endTime(1500).build();
            List<EncodedRow> big = new LatentEncoder(source, settings.toBuilder().encodingBatchSize(70).build())
                    .encode(images, ids, EncodingListener.NONE);
            List<EncodedRow> small = new LatentEncoder(source, settings.toBuilder().encodingBatchSize(9).build(),
                    ParallelWork.of(ForkJoinPool.commonPool(), 2))
                    .encode(images, ids, EncodingListener.NONE);
            // reversed order: every row at another position
            double[][] reversed = new double[images.length][];
            long[] reversedIds = new long[images.length];
            for (int m = 0; m < images.length; m++) {
                reversed[m] = images[images.length - 1 - m];
                reversedIds[m] = ids[images.length - 1 - m];
            }
            List<EncodedRow> backwards = new LatentEncoder(source, settings.toBuilder().encodingBatchSize(33).build()).encode(reversed, reversedIds, EncodingListener.NONE);
            for (int m = 0; m < images.length; m++) {
                assertArrayEquals(big.get(m).code(), small.get(m).code(), 0, "row " + m + " batch 70 vs 9");
                assertArrayEquals(big.get(m).code(), backwards.get(images.length - 1 - m).code(), 0,
                        "row " + m + " reversed");
                assertEquals(big.get(m).steps(), small.get(m).steps());
            }
        }
    }
}
