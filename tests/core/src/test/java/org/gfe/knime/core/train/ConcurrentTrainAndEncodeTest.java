package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.ObjectiveSource;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.loss.MeanSquaredError;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.loss.StableBinaryCrossEntropy;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.optim.RmsProp;
import org.junit.jupiter.api.Test;

/**
 * Training one decoder and encoding with another at the same time, on two threads (as two KNIME nodes in parallel
 * branches would): both succeed and give exactly what they give alone. With DJL's GradientCollector (one per JVM)
 * the second thread would fail; the explicit back-propagation has no such shared state.
 */
class ConcurrentTrainAndEncodeTest {

    private static final DecoderSpec TRAINED = new DecoderSpec(2, new int[] {8}, Activation.ELU, 10);
    private static final DecoderSpec ENCODING = new DecoderSpec(3, new int[] {12, 16}, Activation.TANH, 10);
    private static final long WAIT_SECONDS = 120;

    /** Rows in [0, 1] of rank about 2. */
    private static double[][] rows(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][10];
        for (double[] row : rows) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            for (int p = 0; p < 10; p++) {
                row[p] = 1 / (1 + Math.exp(-(a * Math.sin(p) + b * Math.cos(p))));
            }
        }
        return rows;
    }

    private record Trained(List<TrainingRecord> history, List<double[]> parameters) {
    }

    private static Trained train(TrainingListener listener) {
        TrainingConfig config = TrainingConfig.builder().latentDimension(2).hiddenSizes(8).epochs(2).batchSize(5)
                .learningRate(1e-2).validationFraction(0.2)
                .solver(SolverSettings.defaults().toBuilder().endTime(300).build()).build();
        try (MlpDecoder decoder = MlpDecoder.initialise(TRAINED, 31, DataType.FLOAT32);
                DecoderUnderTraining training = new DecoderUnderTraining(decoder, new StableBinaryCrossEntropy(),
                        new RmsProp(config.learningRate(), config.rmsAlpha(), config.rmsEpsilon()))) {
            List<TrainingRecord> history = new DecoderTrainingLoop(config).run(training, rows(30, 1), listener);
            return new Trained(history, decoder.parameterValues());
        }
    }

    private static List<EncodedRow> encode(MlpDecoder decoder, EncodingListener listener) {
        SolverSettings settings = SolverSettings.defaults().toBuilder().endTime(1000).encodingBatchSize(16).build();
        double[][] rows = rows(64, 2);
        return new LatentEncoder(new Source(decoder, new MeanSquaredError()), settings,
                ParallelWork.of(ForkJoinPool.commonPool(), 2)).encode(rows,
                LongStream.range(0, rows.length).toArray(), listener);
    }

    @Test
    void trainingAndEncodingRunTogetherAndGiveTheirSingleThreadedResults() throws Exception {
        try (MlpDecoder encodingDecoder = MlpDecoder.initialise(ENCODING, 77, DataType.FLOAT32)) {
            Trained trainedAlone = train(TrainingListener.NONE);
            List<EncodedRow> encodedAlone = encode(encodingDecoder, EncodingListener.NONE);

            // Each side waits at its first progress report until the other has started, so they surely overlap.
            CountDownLatch encoderStarted = new CountDownLatch(1);
            CountDownLatch firstBatchTrained = new CountDownLatch(1);
            AtomicBoolean encoderSawTraining = new AtomicBoolean();
            AtomicBoolean trainingSawEncoder = new AtomicBoolean();
            CompletableFuture<List<EncodedRow>> encoding = CompletableFuture.supplyAsync(
                    () -> encode(encodingDecoder, (fraction, done) -> {
                        if (encoderStarted.getCount() > 0) {
                            encoderStarted.countDown();
                            encoderSawTraining.set(await(firstBatchTrained));
                        }
                        return true;
                    }));
            CompletableFuture<Trained> training = CompletableFuture.supplyAsync(() -> train(record -> {
                if (firstBatchTrained.getCount() > 0) {
                    firstBatchTrained.countDown();
                    trainingSawEncoder.set(await(encoderStarted));
                }
                return true;
            }));
            Trained trainedTogether = training.get(WAIT_SECONDS, TimeUnit.SECONDS);
            List<EncodedRow> encodedTogether = encoding.get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertTrue(encoderSawTraining.get() && trainingSawEncoder.get(), "both ran at the same time");
            assertEquals(trainedAlone.history().size(), trainedTogether.history().size());
            for (int i = 0; i < trainedAlone.history().size(); i++) {
                assertEquals(trainedAlone.history().get(i).trainingLoss(),
                        trainedTogether.history().get(i).trainingLoss(), 0, "training loss of batch " + i);
                assertEquals(trainedAlone.history().get(i).validationLoss(),
                        trainedTogether.history().get(i).validationLoss(), 0, "validation loss of batch " + i);
            }
            for (int k = 0; k < trainedAlone.parameters().size(); k++) {
                assertArrayEquals(trainedAlone.parameters().get(k), trainedTogether.parameters().get(k),
                        "trained parameter array " + k);
            }
            assertEquals(encodedAlone.size(), encodedTogether.size());
            for (int m = 0; m < encodedAlone.size(); m++) {
                assertArrayEquals(encodedAlone.get(m).code(), encodedTogether.get(m).code(), "code of row " + m);
                assertEquals(encodedAlone.get(m).loss(), encodedTogether.get(m).loss(), 0, "loss of row " + m);
            }
            double first = trainedAlone.history().get(0).trainingLoss();
            double last = trainedAlone.history().get(trainedAlone.history().size() - 1).trainingLoss();
            assertTrue(last < first, "training made progress: " + first + " -> " + last);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A trained decoder as the encoder sees it (the model class adds normalisation on top of this). */
    private record Source(MlpDecoder decoder, ReconstructionLoss loss) implements ObjectiveSource {
        @Override
        public int columnCount() {
            return decoder.spec().outputDimension();
        }

        @Override
        public int latentDimension() {
            return decoder.spec().inputDimension();
        }

        @Override
        public DataType precision() {
            return decoder.precision();
        }

        @Override
        public LatentObjective objective(NDManager manager, double[][] rows) {
            return DecoderObjective.of(decoder, loss, manager, rows);
        }
    }
}
