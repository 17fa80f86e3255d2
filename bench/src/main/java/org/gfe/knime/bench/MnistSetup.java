package org.gfe.knime.bench;

import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingMethod;

/** The reference's MNIST configuration (reference-runs.md): d 20, 20-150-300-600-784 ELU, RMSprop, AMD, seed 2020. */
final class MnistSetup {

    static final long SEED = 2020;
    static final double LEARNING_RATE = 5e-4;
    static final double RMS_ALPHA = 0.9;
    static final double RMS_EPSILON = 1e-6;
    static final LossKind LOSS = LossKind.BCE_REFERENCE;

    private MnistSetup() {
    }

    static DecoderSpec decoder() {
        return new DecoderSpec(20, new int[] {150, 300, 600}, Activation.ELU, 784);
    }

    static SolverSettings solver(IntegratorKind integrator) {
        return SolverSettings.defaults().toBuilder().integrator(integrator).seed(SEED).build();
    }

    static TrainingConfig training(SolverSettings solver, TrainingMethod method, int batchSize) {
        return TrainingConfig.builder().latentDimension(20).hiddenSizes(150, 300, 600).activation(Activation.ELU)
                .loss(LOSS).normalisation(NormalisationKind.NONE).method(method).epochs(1).batchSize(batchSize)
                .learningRate(LEARNING_RATE).rmsAlpha(RMS_ALPHA).rmsEpsilon(RMS_EPSILON).validationFraction(0)
                .seed(SEED).solver(solver).build();
    }
}
