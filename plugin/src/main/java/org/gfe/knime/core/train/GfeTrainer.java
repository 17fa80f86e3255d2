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
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.optim.RmsProp;

/**
 * Trains a GFE model on a table: checks the rows, fits the normalisation, resolves the loss and the "auto" sizes,
 * initialises the decoder of the config's {@link DecoderKind} (float32) and runs {@link DecoderTrainingLoop} with
 * RMSprop; a linear + MLP decoder is trained by {@link LinearPlusMlpTrainer} (PCA start, epochs chosen on validation
 * rows). This is the facade the Learner node and the benchmarks call.
 */
public final class GfeTrainer {

    /** Precision of the trained decoder: float32, as the reference trains. */
    public static final DataType PRECISION = DataType.FLOAT32;

    private final TrainingConfig config;
    private final ParallelWork parallel;

    /** A trainer working on the calling thread. */
    public GfeTrainer(TrainingConfig config) {
        this(config, ParallelWork.CALLER_ONLY);
    }

    /** A trainer whose encodings run on the threads {@code parallel} lends. */
    public GfeTrainer(TrainingConfig config, ParallelWork parallel) {
        this.config = Objects.requireNonNull(config, "config");
        this.parallel = Objects.requireNonNull(parallel, "parallel");
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
        boolean linearPlusMlp = config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP;
        // the linear + MLP decoder reconstructs values directly: AUTO means MSE for it, whatever the range
        LossKind loss = linearPlusMlp && config.loss() == LossKind.AUTO ? LossKind.MSE : config.loss();
        TrainingData data = TrainingData.prepare(rows, columnNames, config.normalisation(), loss);
        if (linearPlusMlp) {
            return new LinearPlusMlpTrainer(config, parallel).train(data, listener);
        }
        int columns = data.columnNames().size();
        int trainingRows = rows.length - BatchSchedule.validationCount(config, rows.length);
        TrainingConfig resolved = config.resolve(trainingRows, columns);
        if (resolved.hasAutoSolver()) {
            resolved = resolved.toBuilder().solver(data.loss() == LossKind.MSE
                    ? DataSizedDefaults.mlpTableSolver(columns) : SolverSettings.defaults()).build();
        }
        // the decoder under training closes the optimiser; the decoder is closed here after its copy is taken
        try (Decoder decoder = initialise(resolved, columns);
                DecoderUnderTraining training = new DecoderUnderTraining(decoder, ReconstructionLoss.of(data.loss()),
                        new RmsProp(resolved.learningRate(), resolved.rmsAlpha(), resolved.rmsEpsilon()))) {
            TrainingHistory history = new DecoderTrainingLoop(resolved, parallel, TrainingStage.TRAINING)
                    .train(training, data.normalisedRows(), listener);
            // a fresh copy, so the model owns decoder memory that nothing of the training run refers to
            Decoder trained = decoder.copy();
            try {
                return new TrainingResult(new GfeModel(trained, data.loss(), data.normalisation(),
                        data.columnNames(), resolved.solver()), history.batches(), history.epochs(),
                        history.stopReason(), history.bestEpoch(), resolved, List.of());
            } catch (RuntimeException e) {
                trained.close();
                throw e;
            }
        }
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * How many runs choose the number of epochs on validation rows before the final fit, when training on
     * {@code rows} rows ({@link TrainingStage#SELECTION} stages, then one {@link TrainingStage#FINAL_FIT}): for a
     * linear + MLP decoder k folds for small tables, else one split, or 0 for too few rows (the model is PCA's);
     * 0 for other decoders, which train in one {@link TrainingStage#TRAINING} stage. For progress reports.
     */
    public int selectionRuns(int rows) {
        return config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP
                ? LinearPlusMlpTrainer.selectionRuns(rows, config.latentDimension()) : 0;
    }

    /**
     * Whether training on {@code rows} rows fits all of them again after choosing the epochs (a
     * {@link TrainingStage#FINAL_FIT} stage, when the correction is kept): for a linear + MLP decoder below 500
     * rows; from 500 rows the single selection run's decoder is the model. For progress reports.
     */
    public boolean refitsAfterSelection(int rows) {
        return config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP
                && LinearPlusMlpTrainer.refits(rows, config.latentDimension());
    }

    /** A seeded decoder of the configured kind for {@code columns} outputs (hidden sizes unused for convolution). */
    private static Decoder initialise(TrainingConfig config, int columns) {
        if (config.decoderKind() == DecoderKind.CONVOLUTION_1D) {
            return ConvDecoder1d.initialise(new ConvDecoderSpec(config.latentDimension(), config.convolutionChannels(),
                    config.kernelSize(), config.convolutionLayers(), config.activation(), columns), config.seed(),
                    PRECISION);
        }
        return MlpDecoder.initialise(new DecoderSpec(config.latentDimension(), config.hiddenSizes(),
                config.activation(), columns), config.seed(), PRECISION);
    }
}
