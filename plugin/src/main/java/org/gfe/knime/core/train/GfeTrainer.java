package org.gfe.knime.core.train;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Objects;
import org.gfe.knime.core.decoder.ConvDecoder1d;
import org.gfe.knime.core.decoder.ConvDecoderSpec;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.optim.RmsProp;

/**
 * Trains a GFE model on a table: checks the rows, fits the normalisation, resolves the loss, initialises the decoder
 * of the config's {@link DecoderKind} (PyTorch's default initialisation, seeded by the config's seed, float32) and
 * runs {@link DecoderTrainingLoop} with RMSprop. This is the facade the Learner node and the benchmarks call.
 */
public final class GfeTrainer {

    /** Precision of the trained decoder: float32, as the reference trains. */
    public static final DataType PRECISION = DataType.FLOAT32;

    private final TrainingConfig config;

    public GfeTrainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Trains on the rows.
     *
     * @param rows one row per training example, original units, NaN = missing cell
     * @param columnNames the name of each column, in order (stored with the model)
     * @param listener hears each batch and may stop the run
     * @throws IllegalArgumentException for unusable data, naming the row or column
     * @throws TrainingCancelledException if the listener stopped the run
     * @throws TrainingDivergedException if the loss became NaN or infinite
     */
    public TrainingResult train(double[][] rows, List<String> columnNames, TrainingListener listener) {
        TrainingData data = TrainingData.prepare(rows, columnNames, config.normalisation(), config.loss());
        int columns = data.columnNames().size();
        // the decoder under training closes the optimiser; the decoder is closed here after its copy is taken
        try (Decoder decoder = initialise(columns);
                DecoderUnderTraining training = new DecoderUnderTraining(decoder, ReconstructionLoss.of(data.loss()),
                        new RmsProp(config.learningRate(), config.rmsAlpha(), config.rmsEpsilon()))) {
            List<TrainingRecord> history = new DecoderTrainingLoop(config).run(training, data.normalisedRows(),
                    listener);
            // a fresh copy, so the model owns decoder memory that nothing of the training run refers to
            Decoder trained = copy(decoder);
            try {
                return new TrainingResult(new GfeModel(trained, data.loss(), data.normalisation(),
                        data.columnNames(), config.solver()), history);
            } catch (RuntimeException e) {
                trained.close();
                throw e;
            }
        }
    }

    public TrainingConfig config() {
        return config;
    }

    /** A seeded decoder of the configured kind for {@code columns} outputs (hidden sizes unused for convolution). */
    private Decoder initialise(int columns) {
        if (config.decoderKind() == DecoderKind.CONVOLUTION_1D) {
            return ConvDecoder1d.initialise(new ConvDecoderSpec(config.latentDimension(), config.convolutionChannels(),
                    config.kernelSize(), config.convolutionLayers(), config.activation(), columns), config.seed(),
                    PRECISION);
        }
        return MlpDecoder.initialise(new DecoderSpec(config.latentDimension(), config.hiddenSizes(),
                config.activation(), columns), config.seed(), PRECISION);
    }

    private static Decoder copy(Decoder decoder) {
        if (decoder instanceof ConvDecoder1d conv) {
            return ConvDecoder1d.of(conv.spec(), conv.parameterValues(), PRECISION);
        }
        MlpDecoder mlp = (MlpDecoder) decoder;
        return MlpDecoder.of(mlp.spec(), mlp.parameterValues(), PRECISION);
    }
}
