package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.FlowSolution;
import org.gfe.knime.core.encode.FlowSolver;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;
import org.gfe.knime.core.ode.StepObserver;
import org.gfe.knime.core.optim.RmsProp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training batches split into groups fixed by the batch: same results on any number of threads. */
class TrainingBatchEncoderTest {

    private static final DecoderSpec SPEC = new DecoderSpec(3, new int[] {16, 24}, Activation.ELU, 12);
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][SPEC.outputDimension()];
        for (double[] row : rows) {
            double a = random.nextDouble();
            double b = random.nextDouble();
            for (int p = 0; p < row.length; p++) {
                row[p] = Math.min(1, Math.max(0, 0.5 + 0.4 * Math.sin(a * p) * b + 0.05 * random.nextGaussian()));
            }
        }
        return rows;
    }

    private static SolverSettings solver() {
        return SolverSettings.defaults().toBuilder().endTime(300).seed(7).build();
    }

    private static TrainingConfig config(int batchSize) {
        return TrainingConfig.builder().latentDimension(3).hiddenSizes(16, 24).activation(Activation.ELU)
                .loss(LossKind.BCE_REFERENCE).method(TrainingMethod.APPROXIMATE_ADJOINT).epochs(2)
                .batchSize(batchSize).validationFraction(0).seed(11).solver(solver()).build();
    }

    /** Trains a fresh float32 MLP on the rows; returns the batch losses followed by the final parameters. */
    private static List<double[]> train(int batchSize, ParallelWork parallel, double[][] rows) {
        try (MlpDecoder decoder = MlpDecoder.initialise(SPEC, 5, DataType.FLOAT32);
                DecoderUnderTraining trainable = new DecoderUnderTraining(decoder,
                        ReconstructionLoss.of(LossKind.BCE_REFERENCE), new RmsProp(1e-2, 0.9, 1e-6))) {
            List<TrainingRecord> history = new DecoderTrainingLoop(config(batchSize), parallel).run(trainable, rows,
                    TrainingListener.NONE);
            List<double[]> result = new ArrayList<>();
            result.add(history.stream().mapToDouble(TrainingRecord::trainingLoss).toArray());
            result.addAll(decoder.parameterValues());
            return result;
        }
    }

    @Test
    void groupsDependOnTheRowCountOnly() {
        TrainingBatchEncoder perRow = new TrainingBatchEncoder(solver(), ParallelWork.CALLER_ONLY);
        assertArrayEquals(new int[] {1}, perRow.groupSizes(1));
        assertArrayEquals(new int[] {3, 2}, perRow.groupSizes(5));
        assertArrayEquals(new int[] {8, 8}, perRow.groupSizes(16));
        assertArrayEquals(new int[] {16, 16}, perRow.groupSizes(32));
        assertArrayEquals(new int[] {14, 13, 13}, perRow.groupSizes(40));
        assertArrayEquals(perRow.groupSizes(40),
                new TrainingBatchEncoder(solver(), ParallelWork.of(pool, 3)).groupSizes(40), "not by threads");
        TrainingBatchEncoder reference = new TrainingBatchEncoder(
                solver().toBuilder().integrator(IntegratorKind.AMD_REFERENCE).build(), ParallelWork.of(pool, 2));
        assertArrayEquals(new int[] {5}, reference.groupSizes(5), "the reference AMD shares one step per batch");
    }

    @Test
    void trainingOnTwoOrThreeThreadsIsBitIdenticalToOneThread() {
        double[][] rows = rows(40, 3);
        for (int batchSize : new int[] {5, 16, 40}) {
            List<double[]> one = train(batchSize, ParallelWork.CALLER_ONLY, rows);
            List<double[]> two = train(batchSize, ParallelWork.of(pool, 2), rows);
            List<double[]> three = train(batchSize, ParallelWork.of(pool, 3), rows);
            assertTrue(one.get(0)[one.get(0).length - 1] < one.get(0)[0], "it trains");
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i), two.get(i), 0, "B = " + batchSize + ", 2 threads, array " + i);
                assertArrayEquals(one.get(i), three.get(i), 0, "B = " + batchSize + ", 3 threads, array " + i);
            }
        }
    }

    @Test
    void eachGroupIsSolvedAsIfAloneWithoutPadding() {
        double[][] rows = rows(5, 9);
        double[][] starts = new double[5][];
        for (int m = 0; m < 5; m++) {
            starts[m] = new double[] {0.1 * m, 0.5, 0.9 - 0.1 * m};
        }
        try (MlpDecoder decoder = MlpDecoder.initialise(SPEC, 5, DataType.FLOAT32);
                DecoderUnderTraining trainable = new DecoderUnderTraining(decoder,
                        ReconstructionLoss.of(LossKind.BCE_REFERENCE), new RmsProp(1e-2, 0.9, 1e-6));
                NDManager manager = DjlRuntime.newManager()) {
            FlowSolution batch = new TrainingBatchEncoder(solver(), ParallelWork.of(pool, 2)).solve(trainable, rows,
                    starts, info -> true);
            // groups 0..2 and 3..4, each solved alone by the unpadded solver
            int[][] groups = {{0, 3}, {3, 5}};
            for (int[] group : groups) {
                FlowSolution alone = new FlowSolver(solver(), false).solve(
                        trainable.objective(manager, Arrays.copyOfRange(rows, group[0], group[1])),
                        BatchArrays.fromRows(manager, Arrays.copyOfRange(starts, group[0], group[1]),
                                DataType.FLOAT32), StepObserver.NONE);
                for (int m = group[0]; m < group[1]; m++) {
                    assertArrayEquals(alone.codes()[m - group[0]], batch.codes()[m], 0, "row " + m);
                    assertEquals(alone.losses()[m - group[0]], batch.losses()[m], 0);
                    assertEquals(alone.steps()[m - group[0]], batch.steps()[m]);
                    assertEquals(alone.forwards()[m - group[0]], batch.forwards()[m]);
                }
            }
        }
    }

    @Test
    void aStopRequestStopsEveryGroup() {
        double[][] rows = rows(10, 4);
        double[][] starts = new double[10][3];
        AtomicInteger polls = new AtomicInteger();
        try (MlpDecoder decoder = MlpDecoder.initialise(SPEC, 5, DataType.FLOAT32);
                DecoderUnderTraining trainable = new DecoderUnderTraining(decoder,
                        ReconstructionLoss.of(LossKind.BCE_REFERENCE), new RmsProp(1e-2, 0.9, 1e-6))) {
            TrainingBatchEncoder encoder = new TrainingBatchEncoder(SolverSettings.defaults(),
                    ParallelWork.of(pool, 2));
            assertThrows(IntegrationCancelledException.class,
                    () -> encoder.solve(trainable, rows, starts, info -> polls.incrementAndGet() < 20));
            int afterStop = polls.get();
            assertTrue(afterStop >= 20 && afterStop < 40, "the other group stops at its next attempt: " + afterStop);
        }
    }
}
