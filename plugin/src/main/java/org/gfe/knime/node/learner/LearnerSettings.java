package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.node.learner.LearnerChoices.HistoryRows;
import org.gfe.knime.node.learner.LearnerChoices.SolverWithoutPort;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.table.MissingCellPolicy;
import org.gfe.knime.node.table.NumericColumns;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * The GFE Learner's options as settings models, turned into the core's {@link TrainingConfig} by
 * {@link #toTrainingConfig}, which checks every value and names the first bad one.
 *
 * <p>New nodes get the core's defaults for tables of measurements ({@link TrainingConfig#forTables()}): latent
 * dimension 2, the linear + MLP decoder started at PCA, z-score normalisation, the loss 'Automatic' (MSE for this
 * decoder), the approximate adjoint with RMSprop (lr 5e-4, alpha 0.9, eps 1e-6), seed 2020, hidden sizes, epochs,
 * batch size and early-stopping patience sized to the data, and a solver sized to the data when no Solver Settings
 * node is connected.
 *
 * <p>Settings versions: 1 (first release); 2 added the decoder kind and the convolution settings; 3 added sizing to
 * the data, early stopping, training the linear part, the history layout and the solver without a port, and changed
 * the defaults of new nodes. A key that stored settings lack loads the value that reproduces the behaviour of the
 * version that wrote them (the value registered with the model below; {@link #newNodes} then sets the default of new
 * nodes): so a workflow of versions 1-2 keeps its explicit sizes and epochs, the paper's solver and its per-batch
 * history, also after it is saved again.
 */
public final class LearnerSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 3;

    /** The settings version that introduced the decoder kind and the convolution settings. */
    private static final int CONVOLUTION_SINCE = 2;
    /** The settings version that introduced sizing to the data and the defaults for tables of measurements. */
    private static final int TABLES_SINCE = 3;

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelColumnFilter2 columns = versioned.columns("columns", DoubleValue.class);
    final SettingsModelString missingValues = versioned.string("missing_values", MissingCellPolicy.MASK.name());
    final SettingsModelInteger latentDimension = newNodes(versioned.integer("latent_dimension", 20), 2);
    final SettingsModelString decoder = newNodes(versioned.add("decoder",
            new SettingsModelString("decoder", DecoderKind.MLP.name()), CONVOLUTION_SINCE),
            DecoderKind.LINEAR_PLUS_MLP.name());
    final SettingsModelString hiddenSizes = newNodes(versioned.string("hidden_sizes", "150, 300, 600"), "64, 64");
    final SettingsModelInteger convolutionChannels = versioned.add("conv_channels",
            new SettingsModelInteger("conv_channels", 8), CONVOLUTION_SINCE);
    final SettingsModelInteger kernelSize = versioned.add("kernel_size",
            new SettingsModelInteger("kernel_size", 5), CONVOLUTION_SINCE);
    final SettingsModelInteger convolutionLayers = versioned.add("conv_layers",
            new SettingsModelInteger("conv_layers", 2), CONVOLUTION_SINCE);
    final SettingsModelString activation = versioned.string("activation", Activation.ELU.name());
    final SettingsModelString loss = versioned.string("loss", LossKind.AUTO.name());
    final SettingsModelString normalisation = versioned.string("normalisation", NormalisationKind.Z_SCORE.name());
    final SettingsModelString method = versioned.string("training_method", TrainingMethod.APPROXIMATE_ADJOINT.name());
    /** Sizes the hidden layers, epochs, batch size and patience to the data; off for settings of versions 1-2. */
    final SettingsModelBoolean autoSize = newNodes(versioned.add("auto_size",
            new SettingsModelBoolean("auto_size", false), TABLES_SINCE), true);
    final SettingsModelInteger epochs = newNodes(versioned.integer("epochs", 10), 100);
    final SettingsModelInteger batchSize = versioned.integer("batch_size", 16);
    final SettingsModelDouble learningRate = versioned.number("learning_rate", 5e-4);
    final SettingsModelDouble rmsAlpha = versioned.number("rmsprop_alpha", 0.9);
    final SettingsModelDouble rmsEpsilon = versioned.number("rmsprop_epsilon", 1e-6);
    final SettingsModelDouble validationFraction = versioned.number("validation_fraction", 0);
    final SettingsModelInteger validationInterval = versioned.integer("validation_interval", 0);
    /** Early stopping and keeping the best epoch; off for settings of versions 1-2. */
    final SettingsModelBoolean earlyStopping = newNodes(versioned.add("early_stopping",
            new SettingsModelBoolean("early_stopping", false), TABLES_SINCE), true);
    final SettingsModelInteger patience = versioned.add("patience", new SettingsModelInteger("patience", 20),
            TABLES_SINCE);
    final SettingsModelBoolean linearPartTrained = versioned.add("train_linear_part",
            new SettingsModelBoolean("train_linear_part", false), TABLES_SINCE);
    final SettingsModelString historyRows = newNodes(versioned.add("history_rows",
            new SettingsModelString("history_rows", HistoryRows.PER_BATCH.name()), TABLES_SINCE),
            HistoryRows.PER_EPOCH.name());
    final SettingsModelString solverWithoutPort = newNodes(versioned.add("solver_without_port",
            new SettingsModelString("solver_without_port", SolverWithoutPort.PAPER_DEFAULTS.name()), TABLES_SINCE),
            SolverWithoutPort.SIZED_TO_DATA.name());
    final SettingsModelInteger seed = versioned.integer("seed", 2020);

    public LearnerSettings() {
        // which options apply when (the dialog's components follow; see Enablement)
        List<SettingsModel> decoderOrAuto = List.of(decoder, autoSize);
        versioned.enableWhen(() -> hasHiddenLayers() && !autoSizes(), decoderOrAuto, hiddenSizes);
        versioned.enableFor(decoder, GfeChoices.DECODER, EnumSet.of(DecoderKind.CONVOLUTION_1D), convolutionChannels,
                kernelSize, convolutionLayers);
        versioned.enableWhen(() -> !autoSizes(), List.of(autoSize), epochs, batchSize);
        versioned.enableFor(decoder, GfeChoices.DECODER, EnumSet.of(DecoderKind.LINEAR_PLUS_MLP), linearPartTrained);
        versioned.enableWhen(() -> validates() && !choosesEpochsOnHeldOutRows(),
                List.of(validationFraction, decoder), validationInterval);
        versioned.enableWhen(this::earlyStoppingApplies, List.of(validationFraction, decoder), earlyStopping);
        versioned.enableWhen(() -> earlyStoppingApplies() && earlyStopping.getBooleanValue() && !autoSizes(),
                List.of(validationFraction, decoder, earlyStopping, autoSize), patience);
    }

    private static <T extends SettingsModel> T newNodes(T model, Object value) {
        // the value registered with the model is what settings lacking the key load; new nodes start with this one
        if (model instanceof SettingsModelInteger integer) {
            integer.setIntValue((Integer) value);
        } else if (model instanceof SettingsModelBoolean bool) {
            bool.setBooleanValue((Boolean) value);
        } else {
            ((SettingsModelString) model).setStringValue((String) value);
        }
        return model;
    }

    /**
     * The training configuration.
     *
     * @param portSolver the settings of the connected Solver Settings node, or null without one (then the solver is
     *        sized to the data, or the paper's, as 'Solver without a Solver Settings input' says)
     */
    public TrainingConfig toTrainingConfig(SolverSettings portSolver) throws InvalidSettingsException {
        DecoderKind kind = decoderKind();
        boolean auto = autoSizes();
        TrainingConfig.Builder builder = TrainingConfig.builder()
                .latentDimension(latentDimension.getIntValue())
                .decoderKind(kind);
        if (kind != DecoderKind.CONVOLUTION_1D) { // not read for a convolution, so a stale list cannot stop it
            if (auto) {
                builder.autoHiddenSizes();
            } else {
                builder.hiddenSizes(hiddenSizes());
            }
        }
        boolean stopsEarly = earlyStoppingApplies() && earlyStopping.getBooleanValue();
        builder
                .convolutionChannels(convolutionChannels.getIntValue())
                .kernelSize(kernelSize.getIntValue())
                .convolutionLayers(convolutionLayers.getIntValue())
                .activation(GfeChoices.ACTIVATION.parse(activation, "Activation"))
                .loss(GfeChoices.LOSS.parse(loss, "Loss"))
                .normalisation(GfeChoices.NORMALISATION.parse(normalisation, "Normalisation"))
                .method(GfeChoices.TRAINING_METHOD.parse(method, "Training method"))
                .epochs(auto ? TrainingConfig.AUTO : epochs.getIntValue())
                .batchSize(auto ? TrainingConfig.AUTO : batchSize.getIntValue())
                .learningRate(learningRate.getDoubleValue())
                .rmsAlpha(rmsAlpha.getDoubleValue())
                .rmsEpsilon(rmsEpsilon.getDoubleValue())
                .validationFraction(validationFraction.getDoubleValue())
                .validationInterval(choosesEpochsOnHeldOutRows() ? 0 : validationInterval.getIntValue())
                .keepBestEpoch(stopsEarly)
                .patience(!stopsEarly ? -1 : auto ? TrainingConfig.AUTO : patience())
                .linearPartTrained(kind == DecoderKind.LINEAR_PLUS_MLP && linearPartTrained.getBooleanValue())
                .seed(seed.getIntValue());
        if (portSolver != null) {
            builder.solver(portSolver);
        } else if (solverWithoutPort() == SolverWithoutPort.SIZED_TO_DATA) {
            builder.autoSolver();
        } else {
            builder.solver(SolverSettings.defaults());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String hint = portSolver == null && solverWithoutPort() == SolverWithoutPort.SIZED_TO_DATA
                    && GfeChoices.TRAINING_METHOD.find(method.getStringValue()) == TrainingMethod.FULL_ADJOINT
                            ? " Connect a Solver Settings node with one of these integrators." : "";
            throw new InvalidSettingsException(GfeChoices.inWords(e.getMessage()) + hint, e);
        }
    }

    /** Whether hidden sizes, epochs, batch size and patience are sized to the data. */
    boolean autoSizes() {
        return autoSize.getBooleanValue();
    }

    /** Whether the decoder has hidden layers of the 'Hidden layer sizes' (MLP, linear + MLP). */
    private boolean hasHiddenLayers() {
        DecoderKind kind = GfeChoices.DECODER.find(decoder.getStringValue());
        return kind == DecoderKind.MLP || kind == DecoderKind.LINEAR_PLUS_MLP;
    }

    /** The linear + MLP decoder chooses its number of epochs on rows it holds out, whatever the settings. */
    private boolean choosesEpochsOnHeldOutRows() {
        return GfeChoices.DECODER.find(decoder.getStringValue()) == DecoderKind.LINEAR_PLUS_MLP;
    }

    /** Early stopping needs validation rows: the linear + MLP decoder holds some out itself, others a fraction. */
    boolean earlyStoppingApplies() {
        return choosesEpochsOnHeldOutRows() || validates();
    }

    private int patience() throws InvalidSettingsException {
        if (patience.getIntValue() < 1) {
            throw new InvalidSettingsException("Setting 'Patience' must be at least 1 epoch, was "
                    + patience.getIntValue() + ". Or untick 'Early stopping' to train every epoch.");
        }
        return patience.getIntValue();
    }

    HistoryRows historyRows() throws InvalidSettingsException {
        return LearnerChoices.HISTORY_ROWS.parse(historyRows, "Training history rows");
    }

    SolverWithoutPort solverWithoutPort() throws InvalidSettingsException {
        return LearnerChoices.SOLVER_WITHOUT_PORT.parse(solverWithoutPort, "Solver without a Solver Settings input");
    }

    public MissingCellPolicy missingCellPolicy() throws InvalidSettingsException {
        return GfeChoices.MISSING_CELLS.parse(missingValues, "Missing values");
    }

    DecoderKind decoderKind() throws InvalidSettingsException {
        return GfeChoices.DECODER.parse(decoder, "Decoder");
    }

    public boolean validates() {
        return validationFraction.getDoubleValue() > 0;
    }

    /** The selected training columns of the table: at least one, all numeric. */
    public List<String> trainingColumns(DataTableSpec spec) throws InvalidSettingsException {
        return columnSelection(spec).columns();
    }

    /**
     * The selected training columns of the table (at least one, all numeric) and the selected names that are left
     * out: columns that are not numeric (the filter only offers numeric ones, but a flow variable, an older
     * configuration or a changed upstream node can name others) and names the table lacks.
     */
    ColumnSelection columnSelection(DataTableSpec spec) throws InvalidSettingsException {
        FilterResult filtered = columns.applyTo(spec);
        List<String> included = new ArrayList<>(Arrays.asList(filtered.getIncludes()));
        List<String> notNumeric = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String name : filtered.getRemovedFromIncludes()) {
            (spec.containsName(name) ? notNumeric : absent).add(name);
        }
        if (included.isEmpty() && !notNumeric.isEmpty()) {
            throw new InvalidSettingsException("The selected column(s) " + NumericColumns.list(notNumeric) + " are not"
                    + " numeric, and GFE learns from numbers only. Convert them to numbers (e.g. with String to"
                    + " Number) or select numeric columns in the Learner's column selection.");
        }
        if (NumericColumns.numericNames(spec).isEmpty()) {
            throw new InvalidSettingsException("The input table has no numeric column. GFE learns from numbers:"
                    + " convert the measurement columns to numbers (e.g. with String to Number).");
        }
        if (included.isEmpty()) {
            throw new InvalidSettingsException("No training column is selected. Include at least one numeric column"
                    + " in the Learner's column selection.");
        }
        NumericColumns.indicesOf(spec, included, "selected training columns",
                "Select columns of this table in the Learner's column selection.");
        return new ColumnSelection(List.copyOf(included), List.copyOf(notNumeric), List.copyOf(absent));
    }

    /**
     * The training columns and the selected names left out.
     *
     * @param columns the numeric columns trained on
     * @param notNumeric selected columns of the table that are not numeric
     * @param absent selected names the table has no column of
     */
    record ColumnSelection(List<String> columns, List<String> notNumeric, List<String> absent) {
    }

    /** The hidden layer sizes, from the latent side to the output side. */
    int[] hiddenSizes() throws InvalidSettingsException {
        String text = hiddenSizes.getStringValue() == null ? "" : hiddenSizes.getStringValue().trim();
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split("[,;\\s]+");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Setting 'Hidden layer sizes' must be whole numbers separated by"
                        + " commas, from the latent side to the output side (e.g. 150, 300, 600), or empty for a"
                        + " linear decoder; '" + parts[i] + "' is not a whole number.", e);
            }
        }
        return sizes;
    }

    public void save(NodeSettingsWO settings) {
        versioned.save(settings);
    }

    public void load(NodeSettingsRO settings) throws InvalidSettingsException {
        versioned.load(settings);
    }

    /** Checks stored settings without touching these models: every key and the combination of values. */
    public static void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        LearnerSettings copy = new LearnerSettings();
        copy.versioned.validate(settings);
        copy.versioned.load(settings);
        copy.missingCellPolicy();
        copy.historyRows();
        // the solver comes from a port and is checked against the method in configure(); here any method must pass
        copy.toTrainingConfig(SolverSettings.defaults().toBuilder().integrator(IntegratorKind.RK4).build());
    }
}
