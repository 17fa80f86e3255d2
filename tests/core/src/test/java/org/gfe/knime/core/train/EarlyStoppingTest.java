package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;
import org.junit.jupiter.api.Test;

/** Validation per epoch, early stopping and keeping the best epoch, on a linear test decoder. */
class EarlyStoppingTest {

    private static final int COLUMNS = 8;
    private static final int LATENT = 2;

    private static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][COLUMNS];
        for (double[] row : rows) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int p = 0; p < COLUMNS; p++) {
                row[p] = a * Math.sin(p + 1) + b * Math.cos(p) + 0.05 * random.nextGaussian();
            }
        }
        return rows;
    }

    private static TrainingConfig.Builder config() {
        return TrainingConfig.builder().latentDimension(LATENT).hiddenSizes().epochs(40).batchSize(5)
                .validationFraction(0.25).seed(3)
                .solver(SolverSettings.defaults().toBuilder().integrator(IntegratorKind.AMD_PER_ROW).endTime(20)
                        .build());
    }

    /** Trains, remembering the decoder's parameters at the end of every epoch (epoch 0 first). */
    private static Run train(TrainingConfig config, LinearTrainableDecoder decoder, ParallelWork parallel) {
        List<List<double[]>> snapshots = new ArrayList<>();
        TrainingHistory history = new DecoderTrainingLoop(config, parallel, TrainingStage.TRAINING).train(decoder,
                rows(60, 1), new TrainingListener() {
                    @Override
                    public boolean onBatch(TrainingRecord record) {
                        return true;
                    }

                    @Override
                    public void onEpoch(EpochRecord record) {
                        snapshots.add(decoder.snapshot());
                    }
                });
        return new Run(history, snapshots, decoder.snapshot());
    }

    private record Run(TrainingHistory history, List<List<double[]>> snapshots, List<double[]> end) {
    }

    @Test
    void theBestEpochIsKeptAndEarlyStoppingEndsTheRun() {
        // a learning rate this large makes the validation loss bounce: the best epoch is not the last
        Run run = train(config().learningRate(0.3).keepBestEpoch(true).patience(6).build(),
                new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.3), ParallelWork.CALLER_ONLY);
        List<EpochRecord> epochs = run.history().epochs();
        assertEquals(0, epochs.get(0).epoch(), "epoch 0 is measured before any update");
        int best = 0;
        for (EpochRecord record : epochs) {
            assertTrue(!Double.isNaN(record.validationLoss()), "every epoch validates");
            if (record.validationLoss() < epochs.get(best).validationLoss()) {
                best = record.epoch();
            }
        }
        assertEquals(best, run.history().bestEpoch());
        assertTrue(best < epochs.size() - 1, "the run went on after its best epoch");
        assertEquals(StopReason.NO_IMPROVEMENT, run.history().stopReason());
        assertEquals(best + 6, epochs.get(epochs.size() - 1).epoch(), "stopped after 6 epochs without improvement");
        assertTrue(epochs.size() - 1 < 40);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(run.snapshots().get(best).get(i), run.end().get(i), 0,
                    "the decoder ends as it was after epoch " + best);
        }
    }

    @Test
    void withoutKeepingTheBestTheLastEpochStays() {
        Run run = train(config().learningRate(0.3).build(), new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.3),
                ParallelWork.CALLER_ONLY);
        assertEquals(StopReason.EPOCHS_COMPLETED, run.history().stopReason());
        assertEquals(40, run.history().bestEpoch());
        assertEquals(40, run.history().epochs().size(), "no epoch 0 without early stopping or keeping the best");
        assertArrayEquals(run.snapshots().get(39).get(0), run.end().get(0), 0);
    }

    @Test
    void stopAndKeepEndsTheRunNormallyWithTheModelSoFar() {
        LinearTrainableDecoder decoder = new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.02);
        int[] batches = {0};
        TrainingHistory history = new DecoderTrainingLoop(config().build()).train(decoder, rows(60, 1),
                new TrainingListener() {
                    @Override
                    public boolean onBatch(TrainingRecord record) {
                        batches[0]++;
                        return true;
                    }

                    @Override
                    public boolean stopAndKeepRequested() {
                        return batches[0] == 13;
                    }
                });
        assertEquals(StopReason.STOPPED_BY_USER, history.stopReason());
        assertEquals(13, history.batches().size());
        assertEquals(13, decoder.updates);
        EpochRecord last = history.epochs().get(history.epochs().size() - 1);
        assertEquals(2, last.epoch(), "the partial second epoch is recorded");
        assertTrue(!Double.isNaN(last.validationLoss()), "and validated");
    }

    @Test
    void validationOnTwoThreadsGivesTheSameRun() {
        // validation rows in chunks of 4, so two threads share them
        TrainingConfig config = config().learningRate(0.05).keepBestEpoch(true).patience(5)
                .solver(SolverSettings.defaults().toBuilder().integrator(IntegratorKind.AMD_PER_ROW).endTime(20)
                        .encodingBatchSize(4).build()).build();
        Run one = train(config, new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.05), ParallelWork.CALLER_ONLY);
        Run two = train(config, new LinearTrainableDecoder(COLUMNS, LATENT, 2, 0.05),
                ParallelWork.of(ForkJoinPool.commonPool(), 2));
        assertEquals(one.history().epochs().size(), two.history().epochs().size());
        for (int e = 0; e < one.history().epochs().size(); e++) {
            assertEquals(one.history().epochs().get(e).validationLoss(), two.history().epochs().get(e)
                    .validationLoss(), 0, "epoch " + e);
        }
        assertArrayEquals(one.end().get(0), two.end().get(0), 0);
    }
}
