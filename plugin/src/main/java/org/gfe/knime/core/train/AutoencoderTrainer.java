package org.gfe.knime.core.train;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.optim.RmsProp;

/**
 * The autoencoder baseline of the paper (spec section 5): an encoder MLP mirroring the decoder (P - reversed hidden
 * sizes - d, same activation, no activation on z) and the same decoder, loss, RMSprop, seeded split, batches and
 * records as GFE training, so that loss against rows seen compares directly. Both networks are trained together by
 * explicit back-propagation (decoder backward, then encoder backward with the decoder's input gradient). The
 * decoder is always the MLP of the config's hidden sizes: {@link TrainingConfig#decoderKind()} is ignored here.
 */
public final class AutoencoderTrainer {

    /** Precision of both networks, as {@link GfeTrainer}. */
    public static final DataType PRECISION = GfeTrainer.PRECISION;

    private final TrainingConfig config;

    public AutoencoderTrainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The encoder's shape: the decoder's mirrored. */
    public static DecoderSpec encoderSpec(DecoderSpec decoder) {
        int[] hidden = decoder.hiddenSizes();
        int[] reversed = new int[hidden.length];
        for (int i = 0; i < hidden.length; i++) {
            reversed[i] = hidden[hidden.length - 1 - i];
        }
        return new DecoderSpec(decoder.outputDimension(), reversed, decoder.activation(), decoder.inputDimension());
    }

    /**
     * Trains the autoencoder on the rows (original units, NaN = missing); the caller closes the result.
     *
     * @throws IllegalArgumentException for unusable data, naming the row or column
     * @throws TrainingCancelledException if the listener stopped the run
     * @throws TrainingDivergedException if the loss or a gradient became NaN or infinite
     */
    public AutoencoderResult train(double[][] rows, List<String> columnNames, TrainingListener listener) {
        TrainingData data = TrainingData.prepare(rows, columnNames, config.normalisation(), config.loss());
        DecoderSpec decoderSpec = new DecoderSpec(config.latentDimension(), config.hiddenSizes(),
                config.activation(), data.columnNames().size());
        ReconstructionLoss loss = ReconstructionLoss.of(data.loss());
        BatchSchedule schedule = new BatchSchedule(config, rows.length);
        DjlRuntime.engine();
        MlpDecoder decoder = MlpDecoder.initialise(decoderSpec, config.seed(), PRECISION);
        MlpDecoder encoder = null;
        boolean done = false;
        try (RmsProp decoderOptimiser = optimiser(); RmsProp encoderOptimiser = optimiser()) {
            encoder = MlpDecoder.initialise(encoderSpec(decoderSpec), config.seed() + 1, PRECISION);
            AutoencoderNetworks networks = new AutoencoderNetworks(encoder, decoder, loss);
            List<TrainingRecord> history = new ArrayList<>();
            long start = System.nanoTime();
            long rowsSeen = 0;
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                int[][] batches = schedule.nextEpoch();
                for (int b = 0; b < batches.length; b++) {
                    if (listener.stopRequested()) {
                        throw new TrainingCancelledException();
                    }
                    double trainingLoss = networks.step(pick(data.normalisedRows(), batches[b]), decoderOptimiser,
                            encoderOptimiser, epoch, b);
                    rowsSeen += batches[b].length;
                    double validationLoss = schedule.validatesAfter(b)
                            ? networks.meanLoss(pick(data.normalisedRows(), schedule.validationRows()))
                            : Double.NaN;
                    TrainingRecord record = new TrainingRecord(TrainingStage.TRAINING, epoch, b, rowsSeen,
                            trainingLoss, validationLoss,
                            (System.nanoTime() - start) / 1e9);
                    history.add(record);
                    if (!listener.onBatch(record)) {
                        throw new TrainingCancelledException();
                    }
                }
            }
            AutoencoderResult result = new AutoencoderResult(encoder, decoder, data.loss(), data.normalisation(),
                    data.columnNames(), history);
            done = true;
            return result;
        } finally {
            if (!done) {
                decoder.close();
                if (encoder != null) {
                    encoder.close();
                }
            }
        }
    }

    private RmsProp optimiser() {
        return new RmsProp(config.learningRate(), config.rmsAlpha(), config.rmsEpsilon());
    }

    private static double[][] pick(double[][] rows, int[] members) {
        double[][] picked = new double[members.length][];
        for (int i = 0; i < members.length; i++) {
            picked[i] = rows[members[i]];
        }
        return picked;
    }
}
