package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.ObjectiveSource;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.flow.LatentObjective;
import org.junit.jupiter.api.Test;

class DecoderTrainingLoopTest {

    private static final int COLUMNS = 8;
    private static final int LATENT = 2;

    /** Rows of rank 2 plus a little noise. */
    private static double[][] lowRankRows(int n, long seed) {
        Random random = new Random(seed);
        double[][] basis = new double[LATENT][COLUMNS];
        for (double[] row : basis) {
            for (int p = 0; p < COLUMNS; p++) {
                row[p] = random.nextGaussian();
            }
        }
        double[][] rows = new double[n][COLUMNS];
        for (double[] row : rows) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int p = 0; p < COLUMNS; p++) {
                row[p] = a * basis[0][p] + b * basis[1][p] + 0.01 * random.nextGaussian();
            }
        }
        return rows;
    }

    private static SolverSettings fastSolver(IntegratorKind kind) {
        return SolverSettings.defaults().toBuilder().integrator(kind).endTime(20).gridPoints(41).build();
    }

    private static TrainingConfig.Builder config(TrainingMethod method, IntegratorKind kind) {
        return TrainingConfig.builder().latentDimension(LATENT).hiddenSizes().method(method).epochs(6).batchSize(5)
                .validationFraction(0.2).solver(fastSolver(kind));
    }

    private static void assertLearns(TrainingMethod method, IntegratorKind kind) {
        double[][] rows = lowRankRows(50, 1);
        LinearTrainableDecoder decoder = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02);
        List<TrainingRecord> history = new DecoderTrainingLoop(config(method, kind).build()).run(decoder, rows,
                TrainingListener.NONE);
        assertEquals(6 * 8, history.size(), "40 training rows in batches of 5 over 6 epochs");
        assertEquals(48, decoder.updates);
        double firstValidation = history.get(7).validationLoss();
        double lastValidation = history.get(history.size() - 1).validationLoss();
        assertTrue(Double.isNaN(history.get(0).validationLoss()), "validation at the end of each epoch only");
        assertTrue(lastValidation < 0.5 * firstValidation,
                method + " " + kind + ": validation loss " + firstValidation + " -> " + lastValidation);
        double early = history.subList(0, 8).stream().mapToDouble(TrainingRecord::trainingLoss).average().orElseThrow();
        double late = history.subList(40, 48).stream().mapToDouble(TrainingRecord::trainingLoss).average()
                .orElseThrow();
        assertTrue(late < 0.5 * early, method + " " + kind + ": training loss " + early + " -> " + late);
        assertEquals(200, history.get(history.size() - 1).rowsSeen() - 40);
    }

    @Test
    void approximateAdjointReducesTheLoss() {
        assertLearns(TrainingMethod.APPROXIMATE_ADJOINT, IntegratorKind.AMD_PER_ROW);
    }

    @Test
    void fullAdjointReducesTheLoss() {
        assertLearns(TrainingMethod.FULL_ADJOINT, IntegratorKind.RK4);
        assertLearns(TrainingMethod.FULL_ADJOINT, IntegratorKind.AMD_REFERENCE);
    }

    @Test
    void fullAdjointWithPerRowAmdIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(TrainingMethod.FULL_ADJOINT, IntegratorKind.AMD_PER_ROW).build());
        assertTrue(e.getMessage().contains("AMD_PER_ROW"));
    }

    @Test
    void listenerStopsTrainingAfterTheBatchItRefuses() {
        LinearTrainableDecoder decoder = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02);
        AtomicInteger batches = new AtomicInteger();
        assertThrows(TrainingCancelledException.class, () -> new DecoderTrainingLoop(
                config(TrainingMethod.APPROXIMATE_ADJOINT, IntegratorKind.AMD_PER_ROW).build()).run(decoder,
                        lowRankRows(50, 1), record -> batches.incrementAndGet() < 3));
        assertEquals(3, batches.get());
        assertEquals(3, decoder.updates);
    }

    @Test
    void aStopAndKeepRequestEndsTrainingAfterThatBatchWithoutCancelling() {
        LinearTrainableDecoder decoder = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02);
        AtomicInteger batches = new AtomicInteger();
        TrainingListener finishAfterThree = new TrainingListener() {
            @Override
            public boolean onBatch(TrainingRecord record) {
                batches.incrementAndGet();
                return true;
            }

            @Override
            public boolean stopAndKeepRequested() {
                return batches.get() >= 3;
            }
        };
        TrainingHistory history = new DecoderTrainingLoop(
                config(TrainingMethod.APPROXIMATE_ADJOINT, IntegratorKind.AMD_PER_ROW).build()).train(decoder,
                        lowRankRows(50, 1), finishAfterThree);
        assertEquals(3, history.batches().size(), "the history ends with the batch after which the stop came");
        assertEquals(3, decoder.updates);
        assertEquals(2, history.batches().get(2).batch());
        assertEquals(StopReason.STOPPED_BY_USER, history.stopReason());
    }

    @Test
    void stopRequestInterruptsTheEncodingOfABatch() {
        LinearTrainableDecoder decoder = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02);
        AtomicInteger polls = new AtomicInteger();
        TrainingListener impatient = new TrainingListener() {
            @Override
            public boolean onBatch(TrainingRecord record) {
                return true;
            }

            @Override
            public boolean stopRequested() {
                return polls.incrementAndGet() > 10;
            }
        };
        TrainingConfig slow = config(TrainingMethod.APPROXIMATE_ADJOINT, IntegratorKind.AMD_PER_ROW)
                .solver(SolverSettings.defaults()).build();
        assertThrows(TrainingCancelledException.class,
                () -> new DecoderTrainingLoop(slow).run(decoder, lowRankRows(50, 1), impatient));
        assertEquals(0, decoder.updates, "stopped inside the first batch's encoding");
        assertEquals(11, polls.get());
    }

    @Test
    void divergenceStopsWithAClearError() {
        LinearTrainableDecoder reckless = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 1e150);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new DecoderTrainingLoop(config(TrainingMethod.APPROXIMATE_ADJOINT, IntegratorKind.RK4).build())
                        .run(reckless, lowRankRows(50, 1), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("learning rate"), e.getMessage());
    }

    @Test
    void trainingAndEncodingRunAtTheSameTimeOnTwoThreads() throws Exception {
        double[][] rows = lowRankRows(50, 1);
        CompletableFuture<List<TrainingRecord>> training = CompletableFuture.supplyAsync(
                () -> new DecoderTrainingLoop(config(TrainingMethod.FULL_ADJOINT, IntegratorKind.RK4).build())
                        .run(new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02), rows, TrainingListener.NONE));
        LinearTrainableDecoder fixed = new LinearTrainableDecoder(COLUMNS, LATENT, 3, 0.02);
        ObjectiveSource source = new ObjectiveSource() {
            @Override
            public int columnCount() {
                return COLUMNS;
            }

            @Override
            public int latentDimension() {
                return LATENT;
            }

            @Override
            public ai.djl.ndarray.types.DataType precision() {
                return fixed.precision();
            }

            @Override
            public LatentObjective objective(ai.djl.ndarray.NDManager manager, double[][] batch) {
                return fixed.objective(manager, batch);
            }
        };
        CompletableFuture<List<EncodedRow>> encoding = CompletableFuture.supplyAsync(() -> {
            List<EncodedRow> all = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                long[] ids = new long[rows.length];
                java.util.Arrays.setAll(ids, m -> m);
                all = new LatentEncoder(source, fastSolver(IntegratorKind.AMD_PER_ROW)).encode(rows, ids,
                        EncodingListener.NONE);
            }
            return all;
        });
        assertEquals(48, training.get().size());
        assertEquals(50, encoding.get().size());
        assertTrue(encoding.get().stream().allMatch(row -> Double.isFinite(row.loss())));
    }
}
