package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.objective.ParameterisedObjective;
import org.junit.jupiter.api.Test;

class AutoencoderTrainerTest {

    private static final List<String> NAMES = GfeTrainerTest.NAMES;

    private static TrainingConfig.Builder config() {
        return GfeTrainerTest.smallConfig().epochs(15);
    }

    @Test
    void theEncoderMirrorsTheDecoder() {
        DecoderSpec encoder = AutoencoderTrainer.encoderSpec(DecoderSpec.mnist());
        assertEquals(new DecoderSpec(784, new int[] {600, 300, 150}, Activation.ELU, 20), encoder);
        assertEquals(DecoderSpec.mnist().parameterCount() - 784 + 20, encoder.parameterCount(),
                "only the biases of the two ends differ in count");
    }

    @Test
    void reducesItsLossAndReconstructsHeldOutRowsBetterThanColumnMeans() {
        double[][] training = GfeTrainerTest.lowRankRows(200, 1);
        double[][] heldOut = GfeTrainerTest.lowRankRows(50, 2);
        try (AutoencoderResult result = new AutoencoderTrainer(config().build()).train(training, NAMES,
                TrainingListener.NONE)) {
            List<TrainingRecord> history = result.history();
            assertEquals(15 * 16, history.size());
            assertEquals(LossKind.MSE, result.loss());
            double early = history.subList(0, 16).stream().mapToDouble(TrainingRecord::trainingLoss).average()
                    .orElseThrow();
            double late = history.subList(history.size() - 16, history.size()).stream()
                    .mapToDouble(TrainingRecord::trainingLoss).average().orElseThrow();
            assertTrue(late < 0.5 * early, "training loss " + early + " -> " + late);
            List<Double> validation = history.stream().map(TrainingRecord::validationLoss)
                    .filter(v -> !Double.isNaN(v)).toList();
            assertEquals(15, validation.size());
            assertTrue(validation.get(14) < 0.5 * validation.get(0), "validation loss " + validation);
            for (int k = 1; k < history.size(); k++) {
                assertEquals(history.get(k - 1).rowsSeen() + 10, history.get(k).rowsSeen());
            }

            double[][] codes = result.encode(heldOut);
            assertEquals(2, codes[0].length);
            double[][] reconstructed = result.reconstruct(codes);
            double[] scales = result.normalisation().scales();
            double[] means = new double[GfeTrainerTest.COLUMNS];
            for (double[] row : training) {
                for (int p = 0; p < means.length; p++) {
                    means[p] += row[p] / training.length;
                }
            }
            double modelError = 0;
            double meanError = 0;
            for (int m = 0; m < heldOut.length; m++) {
                for (int p = 0; p < means.length; p++) {
                    modelError += Math.pow((heldOut[m][p] - reconstructed[m][p]) / scales[p], 2);
                    meanError += Math.pow((heldOut[m][p] - means[p]) / scales[p], 2);
                }
            }
            System.out.printf("AE held-out reconstruction: %.4f vs column means %.4f (z-score units)%n",
                    modelError / heldOut.length / means.length, meanError / heldOut.length / means.length);
            assertTrue(modelError < 0.2 * meanError, modelError + " vs column means " + meanError);
        }
    }

    @Test
    void theListenerCancelsWithinOneBatch() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(TrainingCancelledException.class, () -> new AutoencoderTrainer(config().build())
                .train(GfeTrainerTest.lowRankRows(50, 5), NAMES, record -> calls.incrementAndGet() < 2));
        assertEquals(2, calls.get());
    }

    @Test
    void unusableDataIsRefusedAsByTheGfeTrainer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AutoencoderTrainer(config().build()).train(new double[][] {{1, Double.NaN}},
                        List.of("a", "b"), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("Column 'b' has no value"), e.getMessage());
    }

    @Test
    void scheduleCoversEveryTrainingRowOncePerEpochAndKeepsValidationApart() {
        TrainingConfig config = TrainingConfig.builder().batchSize(7).validationFraction(0.25).validationInterval(3)
                .seed(5).build();
        BatchSchedule schedule = new BatchSchedule(config, 50);
        int[] validation = schedule.validationRows();
        assertEquals(13, validation.length);
        assertEquals(37, schedule.trainingRows().length);
        assertEquals(6, schedule.batchesPerEpoch());
        int[][] first = schedule.nextEpoch();
        int[][] second = schedule.nextEpoch();
        for (int[][] epoch : new int[][][] {first, second}) {
            int[] seen = Arrays.stream(epoch).flatMapToInt(Arrays::stream).sorted().toArray();
            int[] expected = Arrays.stream(schedule.trainingRows()).sorted().toArray();
            assertArrayEquals(expected, seen);
            assertEquals(2, epoch[5].length, "the last batch holds the remainder");
        }
        assertFalse(Arrays.deepEquals(first, second), "each epoch reshuffles");
        int[] all = new int[50];
        for (int m : validation) {
            all[m]++;
        }
        for (int m : schedule.trainingRows()) {
            all[m]++;
        }
        assertTrue(Arrays.stream(all).allMatch(c -> c == 1), "every row is either validation or training");
        assertFalse(schedule.validatesAfter(0));
        assertTrue(schedule.validatesAfter(2));
        assertFalse(schedule.validatesAfter(3));
        assertTrue(schedule.validatesAfter(5), "and at the end of the epoch");
        assertFalse(new BatchSchedule(TrainingConfig.builder().build(), 10).validatesAfter(1), "no validation rows");
    }

    @Test
    void scheduleDrawsTheSameBatchesAsTheGfeTrainingLoop() {
        double[][] rows = TrainingData.prepare(GfeTrainerTest.lowRankRows(50, 9), NAMES, NormalisationKind.Z_SCORE,
                LossKind.MSE).normalisedRows();
        TrainingConfig config = GfeTrainerTest.smallConfig().epochs(2).batchSize(7).validationFraction(0.25)
                .validationInterval(3).seed(5).build();
        RecordingDecoder spy = new RecordingDecoder(rows);
        new DecoderTrainingLoop(config).run(spy, rows, TrainingListener.NONE);

        BatchSchedule schedule = new BatchSchedule(config, rows.length);
        // each training batch's objective, then (per-row AMD) those of the groups its rows are encoded in
        TrainingBatchEncoder groups = new TrainingBatchEncoder(config.solver(),
                org.gfe.knime.core.engine.ParallelWork.CALLER_ONLY);
        List<List<Integer>> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            int[][] batches = schedule.nextEpoch();
            for (int b = 0; b < batches.length; b++) {
                expected.add(Arrays.stream(batches[b]).boxed().toList());
                int[] sizes = groups.groupSizes(batches[b].length);
                for (int g = 0, from = 0; sizes.length > 1 && g < sizes.length; from += sizes[g++]) {
                    expected.add(Arrays.stream(batches[b], from, from + sizes[g]).boxed().toList());
                }
                if (schedule.validatesAfter(b)) {
                    expected.add(Arrays.stream(schedule.validationRows()).boxed().toList());
                }
            }
        }
        assertEquals(expected, spy.calls);
    }

    /** Passes through to a linear test decoder and records which rows each objective was built on, in order. */
    private static final class RecordingDecoder implements TrainableDecoder {
        private final LinearTrainableDecoder inner = new LinearTrainableDecoder(GfeTrainerTest.COLUMNS, 2, 2, 0.02);
        private final Map<double[], Integer> index = new IdentityHashMap<>();
        final List<List<Integer>> calls = new ArrayList<>();

        RecordingDecoder(double[][] rows) {
            for (int m = 0; m < rows.length; m++) {
                index.put(rows[m], m);
            }
        }

        @Override
        public int latentDimension() {
            return inner.latentDimension();
        }

        @Override
        public int columnCount() {
            return inner.columnCount();
        }

        @Override
        public DataType precision() {
            return inner.precision();
        }

        @Override
        public ParameterisedObjective objective(NDManager manager, double[][] rows) {
            calls.add(Arrays.stream(rows).map(index::get).toList());
            return inner.objective(manager, rows);
        }

        @Override
        public void update(NDList gradient) {
            inner.update(gradient);
        }

        @Override
        public List<double[]> snapshot() {
            return inner.snapshot();
        }

        @Override
        public void restore(List<double[]> values) {
            inner.restore(values);
        }
    }
}
