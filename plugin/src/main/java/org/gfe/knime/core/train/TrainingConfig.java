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
 */
public final class TrainingConfig {

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
    private final long seed;
    private final SolverSettings solver;

    private TrainingConfig(Builder b) {
        latentDimension = b.latentDimension;
        decoderKind = b.decoderKind;
        hiddenSizes = b.hiddenSizes.clone();
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
        seed = b.seed;
        solver = b.solver;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int latentDimension() {
        return latentDimension;
    }

    /** The decoder architecture: MLP (default) or CONVOLUTION_1D. */
    public DecoderKind decoderKind() {
        return decoderKind;
    }

    /** Hidden layer sizes from the latent side to the output side (MLP decoders only). */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
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

    public long seed() {
        return seed;
    }

    public SolverSettings solver() {
        return solver;
    }

    @Override
    public String toString() {
        return "TrainingConfig[d=" + latentDimension + ", decoder=" + decoderKind + ", hidden="
                + Arrays.toString(hiddenSizes) + ", channels=" + convolutionChannels + ", kernel=" + kernelSize
                + ", convolutionLayers=" + convolutionLayers + ", activation="
                + activation + ", loss=" + loss + ", normalisation=" + normalisation + ", method=" + method
                + ", epochs=" + epochs + ", batchSize=" + batchSize + ", lr=" + learningRate + ", rmsAlpha="
                + rmsAlpha + ", rmsEpsilon=" + rmsEpsilon + ", validationFraction=" + validationFraction
                + ", validationInterval=" + validationInterval + ", seed=" + seed + ", solver=" + solver + "]";
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
        private long seed = 2020;
        private SolverSettings solver = SolverSettings.defaults();

        private Builder() {
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

        public Builder hiddenSizes(int... value) {
            hiddenSizes = value == null ? null : value.clone();
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

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder solver(SolverSettings value) {
            solver = value;
            return this;
        }

        public TrainingConfig build() {
            require(latentDimension >= 1, "Latent dimension must be at least 1, was " + latentDimension + ".");
            require(hiddenSizes != null, "Hidden sizes must be given (may be empty for a linear decoder).");
            for (int size : hiddenSizes) {
                require(size >= 1, "Hidden layer sizes must be at least 1, got " + Arrays.toString(hiddenSizes)
                        + ".");
            }
            require(decoderKind != null, "Decoder must be set (MLP or CONVOLUTION_1D).");
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
            require(epochs >= 1, "Epochs must be at least 1, was " + epochs + ".");
            require(batchSize >= 1, "Batch size must be at least 1, was " + batchSize + ".");
            require(learningRate > 0 && Double.isFinite(learningRate),
                    "Learning rate must be a positive finite number, was " + learningRate + ".");
            require(rmsAlpha >= 0 && rmsAlpha < 1, "RMSprop alpha must lie in [0, 1), was " + rmsAlpha + ".");
            require(rmsEpsilon > 0 && Double.isFinite(rmsEpsilon),
                    "RMSprop epsilon must be a positive finite number, was " + rmsEpsilon + ".");
            require(validationFraction >= 0 && validationFraction < 1,
                    "Validation fraction must lie in [0, 1), was " + validationFraction + ".");
            require(validationInterval >= 0, "Validation interval must be 0 (end of each epoch) or a number of"
                    + " batches, was " + validationInterval + ".");
            require(solver != null, "Solver settings must be given.");
            if (method == TrainingMethod.FULL_ADJOINT) {
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
