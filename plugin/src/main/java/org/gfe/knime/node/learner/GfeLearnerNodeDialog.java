package org.gfe.knime.node.learner;

import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.GfeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentLabel;

/**
 * Dialog of the GFE Learner. Data and scaling first, then the decoder (the hidden layer sizes enabled only for the
 * decoders with fully connected layers and while they are not sized to the data, the convolution settings only for
 * the 1-D convolution), then the few training settings a newcomer changes, and the optimiser's details and the
 * behaviour of earlier versions apart on an advanced tab. Which option applies when is declared in
 * {@link LearnerSettings}; a line under the sizes says whether they are sized to the data.
 */
final class GfeLearnerNodeDialog extends GfeSettingsPane {

    /** What the dialog says while 'auto' sizes the decoder and the training (the rules in its tooltip). */
    static final String SIZED_TO_DATA = "Sized to the data (auto is on).";
    /** The rules of 'auto', for the tooltip. */
    static final String RULES = "Hidden widths clip(4 sqrt(columns), 32, 128); batches of rows / 8 (8 to 64); about"
            + " 1,000 updates (30 to 300 epochs); patience half the epochs. The model's summary lists the sizes.";
    /** What it says otherwise. */
    static final String SET_HERE = "Set here (auto is off).";

    private final DialogComponentLabel decoderSizes = new DialogComponentLabel(SIZED_TO_DATA);
    private final DialogComponentLabel trainingSizes = new DialogComponentLabel(SIZED_TO_DATA);
    private final LearnerSettings settings;

    GfeLearnerNodeDialog() {
        this(new LearnerSettings());
    }

    private GfeLearnerNodeDialog(LearnerSettings s) {
        super(s.versioned);
        settings = s;
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
        check(s.autoSize, "Size the decoder and the training to the data (auto)").setToolTipText("Hidden layer"
                + " sizes, epochs, batch size and early-stopping patience chosen from the numbers of rows and"
                + " columns.");
        createNewGroup("Fully connected (MLP) and linear plus MLP decoders");
        text(s.hiddenSizes, "Hidden layer sizes, latent side first")
                .setToolTipText("Comma-separated widths, e.g. 64, 64; empty for a linear decoder. Sized to the data"
                        + " while auto is on.");
        addDialogComponent(decoderSizes);
        check(s.linearPartTrained, "Train the linear part too (linear plus MLP only)").setToolTipText("Off: the"
                + " linear part stays at the PCA solution and only the correction learns.");
        createNewGroup("1-D convolution decoder");
        integer(s.convolutionChannels, "Channels per column", 1);
        integer(s.kernelSize, "Kernel size (odd)", 2);
        integer(s.convolutionLayers, "Convolution layers", 1);
        closeCurrentGroup();

        createNewTab("Training");
        integer(s.epochs, "Epochs", 1).setToolTipText("Sized to the data while auto is on.");
        integer(s.batchSize, "Batch size", 1).setToolTipText("Sized to the data while auto is on.");
        addDialogComponent(trainingSizes);
        number(s.learningRate, "Learning rate");
        number(s.validationFraction, "Validation fraction")
                .setToolTipText("Share of the rows held out to measure the validation loss; 0 for none. The linear"
                        + " plus MLP decoder holds rows out itself (5 folds below 150 rows, else this share or 20 %).");
        integer(s.validationInterval, "Validate every N batches (0 = end of each epoch)", 1);
        check(s.earlyStopping, "Early stopping: keep the epoch with the lowest validation loss")
                .setToolTipText("Needs validation rows: always there for the linear plus MLP decoder, else set a"
                        + " validation fraction.");
        integer(s.patience, "Patience (epochs without improvement)", 1)
                .setToolTipText("Sized to the data (half the epochs) while auto is on.");

        createNewTab("Advanced");
        choice(s.method, "Training method", GfeChoices.TRAINING_METHOD);
        number(s.rmsAlpha, "RMSprop alpha");
        number(s.rmsEpsilon, "RMSprop epsilon");
        integer(s.seed, "Seed", 1);
        createNewGroup("Earlier versions of this node");
        choice(s.solverWithoutPort, "Solver without a Solver Settings input", LearnerChoices.SOLVER_WITHOUT_PORT);
        choice(s.historyRows, "Training history rows", LearnerChoices.HISTORY_ROWS);
        closeCurrentGroup();

        decoderSizes.setToolTipText(RULES);
        trainingSizes.setToolTipText(RULES);
        s.autoSize.addChangeListener(e -> showSizing());
        showSizing();
    }

    /** The lines under the sizes say whether they are sized to the data. */
    private void showSizing() {
        String text = settings.autoSizes() ? SIZED_TO_DATA : SET_HERE;
        decoderSizes.setText(text);
        trainingSizes.setText(text);
    }

    /** The text under the sizes (for tests). */
    String sizingText() {
        return settings.autoSizes() ? SIZED_TO_DATA : SET_HERE;
    }

    @Override
    public void loadAdditionalSettingsFrom(org.knime.core.node.NodeSettingsRO stored,
            org.knime.core.node.port.PortObjectSpec[] specs) throws org.knime.core.node.NotConfigurableException {
        super.loadAdditionalSettingsFrom(stored, specs);
        showSizing();
    }
}
