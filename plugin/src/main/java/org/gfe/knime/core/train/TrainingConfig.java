package org.gfe.knime.core.train;

import java.util.Arrays;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.LossKind;

/**
 * Everything a training run needs besides the data. Immutable; {@link #builder()} holds the reference's MNIST
 * configuration (d = 20, hidden 150-300-600 ELU, batch 5, RMSprop lr 5e-4 alpha 0.9 eps 1e-6, seed 2020, AMD solver).
 *
 * <p>Hidden sizes, epochs, batch size and patience may be "auto": {@link #resolve} sizes them to the data by the
 * rules of {@link DataSizedDefaults}, so a table of 40 rows and one of 4,000 both train in seconds.
 */
public final class TrainingConfig {

    /** The value of {@link #epochs()}, {@link #batchSize()} and {@link #patience()} that means "sized to the data". */
    public static final int AUTO = 0;

    private final int latentDimension;
    private final DecoderKind decoderKind;
    private final int[] hiddenSizes;
    private final int convolutionChannels;
    private final int kernelSize;
    private final int convolutionLayers;
    private final Activation activation;
    private final LossKind loss;
    private final NormalisationKind normalisation;
    private final TrainingMethod method;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double rmsAlpha;
    private final double rmsEpsilon;
    private final double validationFraction;
    private final int validationInterval;
    private final int patience;
    private final boolean keepBestEpoch;
    private final boolean linearPartTrained;
    private final long seed;
    private final SolverSettings solver;

    private TrainingConfig(Builder b) {
        latentDimension = b.latentDimension;
        decoderKind = b.decoderKind;
        hiddenSizes = b.hiddenSizes == null ? null : b.hiddenSizes.clone();
        convolutionChannels = b.convolutionChannels;
        kernelSize = b.kernelSize;
        convolutionLayers = b.convolutionLayers;
        activation = b.activation;
        loss = b.loss;
        normalisation = b.normalisation;
        method = b.method;
        epochs = b.epochs;
        batchSize = b.batchSize;
        learningRate = b.learningRate;
        rmsAlpha = b.rmsAlpha;
        rmsEpsilon = b.rmsEpsilon;
        validationFraction = b.validationFraction;
        validationInterval = b.validationInterval;
        patience = b.patience;
        keepBestEpoch = b.keepBestEpoch;
        linearPartTrained = b.linearPartTrained;
        seed = b.seed;
        solver = b.solver;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding the defaults for tables of measurements (the GFE Learner's): latent dimension 2, a linear +
     * MLP decoder started at PCA with its hidden sizes, epochs, batch size, early stopping and solver sized to the
     * data, z-score normalisation, the MSE loss (AUTO), the approximate adjoint with RMSprop as in the paper (lr 5e-4,
     * alpha 0.9, eps 1e-6), seed 2020.
     */
    public static Builder forTables() {
        return new Builder().latentDimension(2).decoderKind(DecoderKind.LINEAR_PLUS_MLP).autoHiddenSizes()
                .activation(Activation.ELU).loss(LossKind.AUTO).normalisation(NormalisationKind.Z_SCORE)
                .method(TrainingMethod.APPROXIMATE_ADJOINT).epochs(AUTO).batchSize(AUTO).patience(AUTO)
                .validationFraction(0).keepBestEpoch(true).autoSolver();
    }

    public int latentDimension() {
        return latentDimension;
    }

    /** The decoder architecture: MLP (default) or CONVOLUTION_1D. */
    public DecoderKind decoderKind() {
        return decoderKind;
    }

    /**
     * Hidden layer sizes from the latent side to the output side (MLP decoders and the MLP part of linear + MLP ones).
     *
     * @throws IllegalStateException if they are "auto" and not yet {@link #resolve resolved}
     */
    public int[] hiddenSizes() {
        if (hiddenSizes == null) {
            throw new IllegalStateException("The hidden sizes are 'auto': resolve the config for the data first.");
        }
        return hiddenSizes.clone();
    }

    /** Whether the hidden sizes are "auto" (sized to the data by {@link #resolve}). */
    public boolean hasAutoHiddenSizes() {
        return hiddenSizes == null;
    }

    /** Whether any setting is "auto", to be sized to the data by {@link #resolve}. */
    public boolean hasAutoValues() {
        return hiddenSizes == null || epochs == AUTO || batchSize == AUTO || patience == AUTO;
    }

    /** Feature channels per column of the CONVOLUTION_1D decoder. */
    public int convolutionChannels() {
        return convolutionChannels;
    }

    /** Odd kernel width of the CONVOLUTION_1D decoder's convolutions. */
    public int kernelSize() {
        return kernelSize;
    }

    /** Number of convolution layers of the CONVOLUTION_1D decoder. */
    public int convolutionLayers() {
        return convolutionLayers;
    }

    public Activation activation() {
        return activation;
    }

    public LossKind loss() {
        return loss;
    }

    public NormalisationKind normalisation() {
        return normalisation;
    }

    public TrainingMethod method() {
        return method;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public double rmsAlpha() {
        return rmsAlpha;
    }

    public double rmsEpsilon() {
        return rmsEpsilon;
    }

    /** Share of the rows held out for validation (seeded split); 0 for none. */
    public double validationFraction() {
        return validationFraction;
    }

    /** Validate every this many batches; 0 validates at the end of each epoch only. */
    public int validationInterval() {
        return validationInterval;
    }

    /**
     * Early stopping: training ends once the validation loss has not improved for this many epochs; -1 never stops
     * early, {@link #AUTO} is sized to the data. Needs validation rows.
     */
    public int patience() {
        return patience;
    }

    /**
     * Whether training ends with the decoder of its epoch of lowest validation loss (epoch 0, before any update,
     * included) rather than the last one. Needs validation rows.
     */
    public boolean keepBestEpoch() {
        return keepBestEpoch;
    }

    /** For a linear + MLP decoder: whether training updates the linear part too (else only the MLP correction). */
    public boolean linearPartTrained() {
        return linearPartTrained;
    }

    /**
     * This config with every "auto" value sized for a table of {@code rows} training rows and {@code columns} columns
     * ({@link DataSizedDefaults}); a config without auto values comes back unchanged.
     */
    public TrainingConfig resolve(int rows, int columns) {
        if (!hasAutoValues()) {
            return this;
        }
        Builder resolved = toBuilder();
        if (hiddenSizes == null) {
            resolved.hiddenSizes(DataSizedDefaults.hiddenSizes(columns));
        }
        int batch = batchSize == AUTO ? DataSizedDefaults.batchSize(rows) : batchSize;
        resolved.batchSize(batch);
        int epochCount = epochs == AUTO ? DataSizedDefaults.epochs(rows, batch) : epochs;
        resolved.epochs(epochCount);
        if (patience == AUTO) {
            resolved.patience(DataSizedDefaults.patience(epochCount));
        }
        return resolved.build();
    }

    /** A builder holding this config. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public long seed() {
        return seed;
    }

    /**
     * The solver that encodes the rows during training and becomes the model's default.
     *
     * @throws IllegalStateException if it is "auto" and not yet sized to the data (the trainer does that)
     */
    public SolverSettings solver() {
        if (solver == null) {
            throw new IllegalStateException("The solver settings are 'auto': the trainer sizes them to the data.");
        }
        return solver;
    }

    /** Whether the solver is "auto": sized to the data by the trainer ({@link DataSizedDefaults#tableSolver}). */
    public boolean hasAutoSolver() {
        return solver == null;
    }

    @Override
    public String toString() {
        return "TrainingConfig[d=" + latentDimension + ", decoder=" + decoderKind + ", hidden="
                + (hiddenSizes == null ? "auto" : Arrays.toString(hiddenSizes)) + ", channels=" + convolutionChannels + ", kernel=" + kernelSize
                + ", convolutionLayers=" + convolutionLayers + ", activation="
                + activation + ", loss=" + loss + ", normalisation=" + normalisation + ", method=" + method
                + ", epochs=" + epochs + ", batchSize=" + batchSize + ", lr=" + learningRate + ", rmsAlpha="
                + rmsAlpha + ", rmsEpsilon=" + rmsEpsilon + ", validationFraction=" + validationFraction
                + ", validationInterval=" + validationInterval + ", patience=" + patience + ", keepBestEpoch="
                + keepBestEpoch + ", linearPartTrained=" + linearPartTrained + ", seed=" + seed + ", solver="
                + (solver == null ? "auto" : solver) + "]";
    }

    /** Builder; {@link #build()} checks every value and names the first bad one. */
    public static final class Builder {
        private int latentDimension = 20;
        private DecoderKind decoderKind = DecoderKind.MLP;
        private int[] hiddenSizes = {150, 300, 600};
        private int convolutionChannels = 8;
        private int kernelSize = 5;
        private int convolutionLayers = 2;
        private Activation activation = Activation.ELU;
        private LossKind loss = LossKind.AUTO;
        private NormalisationKind normalisation = NormalisationKind.NONE;
        private TrainingMethod method = TrainingMethod.APPROXIMATE_ADJOINT;
        private int epochs = 1;
        private int batchSize = 5;
        private double learningRate = 5e-4;
        private double rmsAlpha = 0.9;
        private double rmsEpsilon = 1e-6;
        private double validationFraction = 0;
        private int validationInterval = 0;
        private int patience = -1;
        private boolean keepBestEpoch = false;
        private boolean linearPartTrained = false;
        private long seed = 2020;
        private SolverSettings solver = SolverSettings.defaults();

        private Builder() {
        }

        private Builder(TrainingConfig c) {
            latentDimension = c.latentDimension;
            decoderKind = c.decoderKind;
            hiddenSizes = c.hiddenSizes == null ? null : c.hiddenSizes.clone();
            convolutionChannels = c.convolutionChannels;
            kernelSize = c.kernelSize;
            convolutionLayers = c.convolutionLayers;
            activation = c.activation;
            loss = c.loss;
            normalisation = c.normalisation;
            method = c.method;
            epochs = c.epochs;
            batchSize = c.batchSize;
            learningRate = c.learningRate;
            rmsAlpha = c.rmsAlpha;
            rmsEpsilon = c.rmsEpsilon;
            validationFraction = c.validationFraction;
            validationInterval = c.validationInterval;
            patience = c.patience;
            keepBestEpoch = c.keepBestEpoch;
            linearPartTrained = c.linearPartTrained;
            seed = c.seed;
            solver = c.solver;
        }

        public Builder latentDimension(int value) {
            latentDimension = value;
            return this;
        }

        public Builder decoderKind(DecoderKind value) {
            decoderKind = value;
            return this;
        }

        public Builder convolutionChannels(int value) {
            convolutionChannels = value;
            return this;
        }

        public Builder kernelSize(int value) {
            kernelSize = value;
            return this;
        }

        public Builder convolutionLayers(int value) {
            convolutionLayers = value;
            return this;
        }

        /** Hidden layer sizes, latent side first (empty: a linear MLP decoder). */
        public Builder hiddenSizes(int... value) {
            if (value == null) {
                throw new IllegalArgumentException("Hidden sizes must be given (may be empty for a linear decoder);"
                        + " use autoHiddenSizes() to size them to the data.");
            }
            hiddenSizes = value.clone();
            return this;
        }

        /** Hidden layer sizes sized to the data ({@link DataSizedDefaults#hiddenSizes}). */
        public Builder autoHiddenSizes() {
            hiddenSizes = null;
            return this;
        }

        public Builder activation(Activation value) {
            activation = value;
            return this;
        }

        public Builder loss(LossKind value) {
            loss = value;
            return this;
        }

        public Builder normalisation(NormalisationKind value) {
            normalisation = value;
            return this;
        }

        public Builder method(TrainingMethod value) {
            method = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder rmsAlpha(double value) {
            rmsAlpha = value;
            return this;
        }

        public Builder rmsEpsilon(double value) {
            rmsEpsilon = value;
            return this;
        }

        public Builder validationFraction(double value) {
            validationFraction = value;
            return this;
        }

        public Builder validationInterval(int value) {
            validationInterval = value;
            return this;
        }

        /** Early stopping patience in epochs; -1 never stops early, {@link TrainingConfig#AUTO} sizes it. */
        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder keepBestEpoch(boolean value) {
            keepBestEpoch = value;
            return this;
        }

        public Builder linearPartTrained(boolean value) {
            linearPartTrained = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder solver(SolverSettings value) {
            if (value == null) {
                throw new IllegalArgumentException("Solver settings must be given; use autoSolver() to size them to"
                        + " the data.");
            }
            solver = value;
            return this;
        }

        /** Solver settings sized to the data by the trainer ({@link DataSizedDefaults#tableSolver}). */
        public Builder autoSolver() {
            solver = null;
            return this;
        }

        public TrainingConfig build() {
            require(latentDimension >= 1, "Latent dimension must be at least 1, was " + latentDimension + ".");
            if (hiddenSizes != null) {
                for (int size : hiddenSizes) {
                    require(size >= 1, "Hidden layer sizes must be at least 1, got " + Arrays.toString(hiddenSizes)
                            + ".");
                }
            }
            require(decoderKind != null, "Decoder must be set (MLP, CONVOLUTION_1D or LINEAR_PLUS_MLP).");
            if (decoderKind == DecoderKind.LINEAR_PLUS_MLP) {
                require(hiddenSizes == null || hiddenSizes.length >= 1, "The linear + MLP decoder needs at least one"
                        + " hidden layer size for its MLP part (or auto).");
                require(loss == LossKind.AUTO || loss == LossKind.MSE, "The linear + MLP decoder reconstructs values"
                        + " directly, so it trains with the MSE loss (or AUTO), not " + loss + ".");
                require(method == TrainingMethod.APPROXIMATE_ADJOINT, "The linear + MLP decoder trains with the"
                        + " approximate adjoint; choose APPROXIMATE_ADJOINT, or an MLP decoder for the full adjoint.");
            }
            if (decoderKind == DecoderKind.CONVOLUTION_1D) { // ignored, so not checked, for an MLP decoder
                require(convolutionChannels >= 1, "Convolution channels must be at least 1, was "
                        + convolutionChannels + ".");
                require(kernelSize >= 1 && kernelSize % 2 == 1, "Kernel size must be an odd number (1, 3, 5, ...)"
                        + " so the convolution is centred on each column, was " + kernelSize + ".");
                require(convolutionLayers >= 1, "Convolution layers must be at least 1, was " + convolutionLayers
                        + ".");
            }
            require(activation != null, "Activation must be set.");
            require(loss != null, "Loss must be set (AUTO, BCE, BCE_REFERENCE or MSE).");
            require(normalisation != null, "Normalisation must be set (NONE, MIN_MAX or Z_SCORE).");
            require(method != null, "Training method must be set.");
            require(epochs >= 1 || epochs == AUTO, "Epochs must be at least 1 (or auto), was " + epochs + ".");
            require(batchSize >= 1 || batchSize == AUTO, "Batch size must be at least 1 (or auto), was " + batchSize
                    + ".");
            require(patience >= -1, "Patience must be a number of epochs, -1 (never stop early) or auto, was "
                    + patience + ".");
            require(learningRate > 0 && Double.isFinite(learningRate),
                    "Learning rate must be a positive finite number, was " + learningRate + ".");
            require(rmsAlpha >= 0 && rmsAlpha < 1, "RMSprop alpha must lie in [0, 1), was " + rmsAlpha + ".");
            require(rmsEpsilon > 0 && Double.isFinite(rmsEpsilon),
                    "RMSprop epsilon must be a positive finite number, was " + rmsEpsilon + ".");
            require(validationFraction >= 0 && validationFraction < 1,
                    "Validation fraction must lie in [0, 1), was " + validationFraction + ".");
            require(validationInterval >= 0, "Validation interval must be 0 (end of each epoch) or a number of"
                    + " batches, was " + validationInterval + ".");
            require(!(method == TrainingMethod.FULL_ADJOINT && solver == null), "The FULL_ADJOINT method needs"
                    + " solver settings with one clock per batch (AMD_REFERENCE, RK4, EULER or DORMAND_PRINCE), not"
                    + " the automatic ones.");
            if (method == TrainingMethod.FULL_ADJOINT && solver != null) {
                require(solver.flowOrder() == FlowOrder.FIRST, "The FULL_ADJOINT method needs the FIRST-order flow;"
                        + " use APPROXIMATE_ADJOINT with the second-order flow.");
                require(solver.integrator() != IntegratorKind.AMD_PER_ROW, "The FULL_ADJOINT method needs one clock"
                        + " for the batch: choose the AMD_REFERENCE, RK4, EULER or DORMAND_PRINCE integrator"
                        + " (AMD_PER_ROW gives every row its own time grid).");
            }
            return new TrainingConfig(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
