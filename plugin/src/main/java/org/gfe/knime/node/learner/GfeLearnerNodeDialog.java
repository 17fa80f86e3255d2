package org.gfe.knime.node.learner;

import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.node.settings.Choices;
import org.gfe.knime.node.settings.GfeSettingsPane;
import org.gfe.knime.node.table.MissingCellPolicy;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/** Dialog of the GFE Learner: data, decoder and training tabs. */
final class GfeLearnerNodeDialog extends GfeSettingsPane {

    GfeLearnerNodeDialog() {
        this(new LearnerSettings());
    }

    private GfeLearnerNodeDialog(LearnerSettings s) {
        super(s.versioned);
        setDefaultTabTitle("Data");
        addDialogComponent(new DialogComponentColumnFilter2(s.columns, 0));
        choice(s.missingValues, "Missing values", Choices.names(MissingCellPolicy.class));

        createNewTab("Decoder");
        integer(s.latentDimension, "Latent dimension", 1);
        choice(s.decoder, "Decoder", Choices.names(DecoderKind.class));
        text(s.hiddenSizes, "Hidden layer sizes (latent side first; MLP)");
        integer(s.convolutionChannels, "Convolution channels (CONVOLUTION_1D)", 1);
        integer(s.kernelSize, "Kernel size, odd (CONVOLUTION_1D)", 2);
        integer(s.convolutionLayers, "Convolution layers (CONVOLUTION_1D)", 1);
        choice(s.activation, "Activation", Choices.names(Activation.class));
        choice(s.loss, "Loss", Choices.names(LossKind.class));
        choice(s.normalisation, "Normalisation", Choices.names(NormalisationKind.class));

        createNewTab("Training");
        choice(s.method, "Training method", Choices.names(TrainingMethod.class));
        integer(s.epochs, "Epochs", 1);
        integer(s.batchSize, "Batch size", 1);
        number(s.learningRate, "Learning rate");
        number(s.rmsAlpha, "RMSprop alpha");
        number(s.rmsEpsilon, "RMSprop epsilon");
        number(s.validationFraction, "Validation fraction");
        integer(s.validationInterval, "Validate every N batches (0 = end of epoch)", 1);
        integer(s.seed, "Seed", 1);
    }
}
