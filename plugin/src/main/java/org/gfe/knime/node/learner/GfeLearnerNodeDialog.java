package org.gfe.knime.node.learner;

import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.GfeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;

/**
 * Dialog of the GFE Learner. Data and scaling first, then the decoder (the hidden layer sizes enabled only for the
 * decoders with fully connected layers, the convolution settings only for the 1-D convolution), then the few
 * training settings a newcomer changes, and the optimiser's details apart on an advanced tab. Which option applies
 * when is declared in {@link LearnerSettings}.
 */
final class GfeLearnerNodeDialog extends GfeSettingsPane {

    GfeLearnerNodeDialog() {
        this(new LearnerSettings());
    }

    private GfeLearnerNodeDialog(LearnerSettings s) {
        super(s.versioned);
        setDefaultTabTitle("Data");
        addDialogComponent(new DialogComponentColumnFilter2(s.columns, 0));
        choice(s.missingValues, "Missing cells", GfeChoices.MISSING_CELLS);
        choice(s.normalisation, "Normalisation", GfeChoices.NORMALISATION);
        choice(s.loss, "Loss", GfeChoices.LOSS);

        createNewTab("Decoder");
        integer(s.latentDimension, "Latent dimension", 1)
                .setToolTipText("Numbers per row's code; keep it well below the number of columns.");
        choice(s.decoder, "Decoder", GfeChoices.DECODER);
        choice(s.activation, "Activation", GfeChoices.ACTIVATION);
        createNewGroup("Fully connected (MLP) and linear plus MLP decoders");
        text(s.hiddenSizes, "Hidden layer sizes, latent side first")
                .setToolTipText("Comma-separated widths, e.g. 150, 300, 600; empty for a linear decoder.");
        createNewGroup("1-D convolution decoder");
        integer(s.convolutionChannels, "Channels per column", 1);
        integer(s.kernelSize, "Kernel size (odd)", 2);
        integer(s.convolutionLayers, "Convolution layers", 1);
        closeCurrentGroup();

        createNewTab("Training");
        integer(s.epochs, "Epochs", 1);
        integer(s.batchSize, "Batch size", 1);
        number(s.learningRate, "Learning rate");
        number(s.validationFraction, "Validation fraction")
                .setToolTipText("Share of the rows held out to measure the validation loss; 0 for none.");
        integer(s.validationInterval, "Validate every N batches (0 = end of each epoch)", 1);

        createNewTab("Advanced");
        choice(s.method, "Training method", GfeChoices.TRAINING_METHOD);
        number(s.rmsAlpha, "RMSprop alpha");
        number(s.rmsEpsilon, "RMSprop epsilon");
        integer(s.seed, "Seed", 1);
    }
}
