package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.model.GfeModel;
import org.junit.jupiter.api.Test;

class GfeTrainerTest {

    static final int COLUMNS = 12;
    static final List<String> NAMES = names(COLUMNS);

    /** A short flow (per-row AMD, tau = 100), so training stays fast. */
    static final SolverSettings SHORT_FLOW = SolverSettings.defaults().toBuilder().endTime(100).build();

    static List<String> names(int columns) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < columns; p++) {
            names.add("assay " + p);
        }
        return names;
    }

    /**
     * Rows of a lab-like table: 12 columns driven by 2 latent factors through a mildly nonlinear map, each column with
     * its own offset and scale, plus a little noise. The same seed gives the same map; rows differ by {@code rowSeed}.
     */
    static double[][] lowRankRows(int n, long rowSeed) {
        Random map = new Random(77);
        double[][] loadings = new double[COLUMNS][2];
        double[] offsets = new double[COLUMNS];
        double[] scales = new double[COLUMNS];
        for (int p = 0; p < COLUMNS; p++) {
            loadings[p][0] = map.nextGaussian();
            loadings[p][1] = map.nextGaussian();
            offsets[p] = 100 * map.nextGaussian();
            scales[p] = Math.exp(2 * map.nextGaussian());
        }
        Random random = new Random(rowSeed);
        double[][] rows = new double[n][COLUMNS];
        for (double[] row : rows) {
            double f1 = random.nextGaussian();
            double f2 = random.nextGaussian();
            for (int p = 0; p < COLUMNS; p++) {
                double signal = loadings[p][0] * f1 + loadings[p][1] * f2 + 0.3 * Math.tanh(f1 * f2);
                row[p] = offsets[p] + scales[p] * (signal + 0.05 * random.nextGaussian());
            }
        }
        return rows;
    }

    static TrainingConfig.Builder smallConfig() {
        return TrainingConfig.builder().latentDimension(2).hiddenSizes(16).normalisation(NormalisationKind.Z_SCORE)
                .epochs(12).batchSize(10).learningRate(5e-3).validationFraction(0.2).seed(11).solver(SHORT_FLOW);
    }

    /** Mean squared error over the cells where {@code use} is true, in original units divided by column scale. */
    private static double scaledError(double[][] truth, double[][] estimate, boolean[][] use, double[] scales) {
        double sum = 0;
        int count = 0;
        for (int m = 0; m < truth.length; m++) {
            for (int p = 0; p < COLUMNS; p++) {
                if (use[m][p]) {
                    double e = (truth[m][p] - estimate[m][p]) / scales[p];
                    sum += e * e;
                    count++;
                }
            }
        }
        return sum / count;
    }

    private static double[][] columnMeans(double[][] training, int rows) {
        double[] means = new double[COLUMNS];
        for (double[] row : training) {
            for (int p = 0; p < COLUMNS; p++) {
                means[p] += row[p] / training.length;
            }
        }
        double[][] result = new double[rows][];
        Arrays.setAll(result, m -> means.clone());
        return result;
    }

    private static double[][] encodeAndReconstruct(GfeModel model, double[][] rows) {
        long[] ids = new long[rows.length];
        Arrays.setAll(ids, m -> m);
        List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings()).encode(rows, ids,
                EncodingListener.NONE);
        return model.reconstruct(codes.stream().map(EncodedRow::code).toArray(double[][]::new));
    }

    @Test
    void learnsALowRankTableAndReconstructsHeldOutRowsAndGapsBetterThanColumnMeans() {
        double[][] training = lowRankRows(200, 1);
        double[][] heldOut = lowRankRows(50, 2);
        TrainingResult result = new GfeTrainer(smallConfig().build()).train(training, NAMES, TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            assertEquals(LossKind.MSE, model.loss(), "AUTO on z-scored data is MSE");
            assertEquals(NAMES, model.columnNames());
            assertEquals(NormalisationKind.Z_SCORE, model.normalisation().kind());
            assertEquals(SHORT_FLOW, model.solverSettings());
            assertEquals(12 * 16, result.history().size(), "160 training rows in batches of 10, 12 epochs");
            List<Double> validation = result.history().stream().map(TrainingRecord::validationLoss)
                    .filter(v -> !Double.isNaN(v)).toList();
            assertEquals(12, validation.size(), "validated at the end of each epoch");
            assertTrue(validation.get(11) < 0.5 * validation.get(0), "validation loss " + validation);

            double[] scales = model.normalisation().scales();
            boolean[][] all = new boolean[heldOut.length][COLUMNS];
            for (boolean[] row : all) {
                Arrays.fill(row, true);
            }
            double[][] means = columnMeans(training, heldOut.length);
            double modelError = scaledError(heldOut, encodeAndReconstruct(model, heldOut), all, scales);
            double meanError = scaledError(heldOut, means, all, scales);
            System.out.printf("GFE held-out reconstruction: %.4f vs column means %.4f (z-score units)%n", modelError,
                    meanError);
            assertTrue(modelError < 0.1 * meanError, modelError + " vs column means " + meanError);

            double[][] withGaps = new double[heldOut.length][];
            boolean[][] gaps = new boolean[heldOut.length][COLUMNS];
            for (int m = 0; m < heldOut.length; m++) {
                withGaps[m] = heldOut[m].clone();
                for (int p : new int[] {m % COLUMNS, (m + 5) % COLUMNS, (m + 7) % COLUMNS}) {
                    withGaps[m][p] = Double.NaN;
                    gaps[m][p] = true;
                }
            }
            double gapError = scaledError(heldOut, encodeAndReconstruct(model, withGaps), gaps, scales);
            double gapMeanError = scaledError(heldOut, means, gaps, scales);
            System.out.printf("GFE filled gaps: %.4f vs column means %.4f (z-score units)%n", gapError, gapMeanError);
            assertTrue(gapError < 0.15 * gapMeanError, gapError + " vs column means " + gapMeanError);
        }
    }

    @Test
    void trainingWithMissingCellsWorksAndIsRepeatable() {
        double[][] rows = lowRankRows(60, 3);
        for (int m = 0; m < rows.length; m += 3) {
            rows[m][m % COLUMNS] = Double.NaN;
        }
        TrainingConfig config = smallConfig().epochs(2).build();
        try (GfeModel first = new GfeTrainer(config).train(rows, NAMES, TrainingListener.NONE).model();
                GfeModel second = new GfeTrainer(config).train(rows, NAMES, TrainingListener.NONE).model()) {
            List<double[]> a = first.parameterValues();
            List<double[]> b = second.parameterValues();
            for (int k = 0; k < a.size(); k++) {
                assertArrayEquals(a.get(k), b.get(k), "the same seed gives the same parameters, array " + k);
                assertTrue(Arrays.stream(a.get(k)).allMatch(Double::isFinite));
            }
        }
    }

    @Test
    void autoChoosesBceForDataInTheUnitIntervalAndMseOtherwise() {
        double[][] unit = {{0, 0.5, 1}, {0.25, Double.NaN, 0.75}};
        double[][] real = {{-3, 20, 1}, {4, 10, 2}};
        List<String> names = names(3);
        assertEquals(LossKind.BCE, TrainingData.prepare(unit, names, NormalisationKind.NONE, LossKind.AUTO).loss());
        assertEquals(LossKind.MSE, TrainingData.prepare(real, names, NormalisationKind.NONE, LossKind.AUTO).loss());
        assertEquals(LossKind.BCE, TrainingData.prepare(real, names, NormalisationKind.MIN_MAX, LossKind.AUTO)
                .loss(), "min-max maps the training rows into [0, 1]");
        assertEquals(LossKind.MSE, TrainingData.prepare(unit, names, NormalisationKind.Z_SCORE, LossKind.AUTO)
                .loss(), "z-scores leave [0, 1]");
        assertEquals(LossKind.MSE, TrainingData.prepare(unit, names, NormalisationKind.NONE, LossKind.MSE).loss(),
                "an explicit choice is kept");
        assertEquals(LossKind.BCE_REFERENCE, TrainingData.prepare(unit, names, NormalisationKind.NONE,
                LossKind.BCE_REFERENCE).loss());
    }

    @Test
    void trainerResolvesAutoToBceAndReconstructsInTheUnitInterval() {
        Random random = new Random(4);
        double[][] rows = new double[30][5];
        for (double[] row : rows) {
            double f = random.nextDouble();
            for (int p = 0; p < 5; p++) {
                row[p] = Math.min(1, Math.max(0, f * (p + 1) / 5 + 0.05 * random.nextGaussian()));
            }
        }
        TrainingConfig config = TrainingConfig.builder().latentDimension(1).hiddenSizes(8).epochs(1).batchSize(10)
                .solver(SHORT_FLOW).build();
        try (GfeModel model = new GfeTrainer(config).train(rows, names(5), TrainingListener.NONE).model()) {
            assertEquals(LossKind.BCE, model.loss());
            for (double[] row : model.reconstruct(new double[][] {{-5}, {0}, {5}})) {
                for (double value : row) {
                    assertTrue(value > 0 && value < 1, "sigmoid outputs, got " + value);
                }
            }
        }
    }

    @Test
    void anExplicitBceOnValuesOutsideTheUnitIntervalIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingData.prepare(
                new double[][] {{0.5, 0.2}, {0.1, 1.5}}, names(2), NormalisationKind.NONE, LossKind.BCE));
        assertTrue(e.getMessage().contains("row 1, column 'assay 1'") && e.getMessage().contains("MSE"),
                e.getMessage());
    }

    @Test
    void unusableDataIsRefusedNamingTheRowOrColumn() {
        GfeTrainer trainer = new GfeTrainer(smallConfig().build());
        List<String> names = names(3);
        assertMessage(() -> trainer.train(new double[][] {{1, 2, 3}, {1, Double.NEGATIVE_INFINITY, 3}}, names,
                TrainingListener.NONE), "Row 1, column 'assay 1' is infinite");
        assertMessage(() -> trainer.train(new double[][] {{1, 2, 3}, {Double.NaN, Double.NaN, Double.NaN}}, names,
                TrainingListener.NONE), "Row 1 has no value");
        assertMessage(() -> trainer.train(new double[][] {{1, Double.NaN, 3}, {2, Double.NaN, 4}}, names,
                TrainingListener.NONE), "Column 'assay 1' has no value");
        assertMessage(() -> trainer.train(new double[][] {{1, 2, 3}, {1, 2}}, names, TrainingListener.NONE),
                "Row 1 has 2 values but there are 3 columns");
        assertMessage(() -> trainer.train(new double[0][], names, TrainingListener.NONE), "at least one row");
        assertMessage(() -> trainer.train(new double[][] {{1, 2}}, List.of("x", "x"), TrainingListener.NONE),
                "'x' is given twice");
    }

    private static void assertMessage(Runnable action, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
    }

    @Test
    void theListenerCancelsWithinOneBatch() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(TrainingCancelledException.class, () -> new GfeTrainer(smallConfig().build())
                .train(lowRankRows(50, 5), NAMES, record -> {
                    calls.incrementAndGet();
                    return false;
                }));
        assertEquals(1, calls.get(), "stopped after the first batch it was told of");

        AtomicInteger polls = new AtomicInteger();
        AtomicInteger batches = new AtomicInteger();
        TrainingListener stopNow = new TrainingListener() {
            @Override
            public boolean onBatch(TrainingRecord record) {
                batches.incrementAndGet();
                return true;
            }

            @Override
            public boolean stopRequested() {
                return polls.incrementAndGet() > 2;
            }
        };
        assertThrows(TrainingCancelledException.class,
                () -> new GfeTrainer(smallConfig().build()).train(lowRankRows(50, 5), NAMES, stopNow));
        assertEquals(0, batches.get(), "a stop request ends the first batch's encoding");
    }

    @Test
    void aStopAndKeepRequestReturnsTheModelTrainedSoFar() {
        AtomicInteger batches = new AtomicInteger();
        TrainingListener finishInSecondEpoch = new TrainingListener() {
            @Override
            public boolean onBatch(TrainingRecord record) {
                batches.incrementAndGet();
                return true;
            }

            @Override
            public boolean stopAndKeepRequested() {
                return batches.get() == 6;
            }
        };
        TrainingResult result = new GfeTrainer(smallConfig().build()).train(lowRankRows(50, 5), NAMES,
                finishInSecondEpoch);
        try (GfeModel model = result.model()) {
            assertEquals(6, result.history().size(), "40 training rows in batches of 10: 4 per epoch, then 2");
            assertEquals(1, result.history().get(5).epoch());
            assertEquals(StopReason.STOPPED_BY_USER, result.stopReason());
            double[][] reconstructed = model.reconstruct(new double[][] {{0.1, 0.2}});
            assertEquals(COLUMNS, reconstructed[0].length);
            assertTrue(Arrays.stream(reconstructed[0]).allMatch(Double::isFinite));
        }
    }

    @Test
    void aRunawayLearningRateEndsInAClearDivergenceError() {
        TrainingConfig reckless = smallConfig().learningRate(1e30).epochs(3).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new GfeTrainer(reckless).train(lowRankRows(50, 6), NAMES, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    }
}
