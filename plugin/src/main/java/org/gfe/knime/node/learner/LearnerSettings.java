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
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.table.MissingCellPolicy;
import org.gfe.knime.node.table.NumericColumns;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * The GFE Learner's options as settings models, turned into the core's {@link TrainingConfig} by
 * {@link #toTrainingConfig}, which checks every value and names the first bad one.
 *
 * <p>Defaults follow the paper's configuration (latent dimension 20, decoder 150-300-600 ELU, RMSprop lr 5e-4,
 * alpha 0.9, eps 1e-6, seed 2020) except where tables of measurements differ from MNIST images: z-score
 * normalisation (columns in different units), 10 epochs and batches of 16 rows.
 *
 * <p>Settings version 2 added the decoder kind and the convolution settings; version 1 settings load as an MLP.
 */
public final class LearnerSettings {

    /** Settings version written by this node. */
    public static final int VERSION = 2;

    /** The settings version that introduced the decoder kind and the convolution settings. */
    private static final int CONVOLUTION_SINCE = 2;

    final VersionedSettings versioned = new VersionedSettings(VERSION);
    final SettingsModelColumnFilter2 columns = versioned.columns("columns", DoubleValue.class);
    final SettingsModelString missingValues = versioned.string("missing_values", MissingCellPolicy.MASK.name());
    final SettingsModelInteger latentDimension = versioned.integer("latent_dimension", 20);
    final SettingsModelString decoder = versioned.add("decoder",
            new SettingsModelString("decoder", DecoderKind.MLP.name()), CONVOLUTION_SINCE);
    final SettingsModelString hiddenSizes = versioned.string("hidden_sizes", "150, 300, 600");
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
    final SettingsModelInteger epochs = versioned.integer("epochs", 10);
    final SettingsModelInteger batchSize = versioned.integer("batch_size", 16);
    final SettingsModelDouble learningRate = versioned.number("learning_rate", 5e-4);
    final SettingsModelDouble rmsAlpha = versioned.number("rmsprop_alpha", 0.9);
    final SettingsModelDouble rmsEpsilon = versioned.number("rmsprop_epsilon", 1e-6);
    final SettingsModelDouble validationFraction = versioned.number("validation_fraction", 0);
    final SettingsModelInteger validationInterval = versioned.integer("validation_interval", 0);
    final SettingsModelInteger seed = versioned.integer("seed", 2020);

    public LearnerSettings() {
        // which options apply when (the dialog's components follow; see Enablement)
        versioned.enableFor(decoder, GfeChoices.DECODER, EnumSet.of(DecoderKind.MLP, DecoderKind.LINEAR_PLUS_MLP),
                hiddenSizes);
        versioned.enableFor(decoder, GfeChoices.DECODER, EnumSet.of(DecoderKind.CONVOLUTION_1D), convolutionChannels,
                kernelSize, convolutionLayers);
        versioned.enableWhen(this::validates, List.of(validationFraction), validationInterval);
    }

    /** The training configuration, encoding with {@code solver}. */
    public TrainingConfig toTrainingConfig(SolverSettings solver) throws InvalidSettingsException {
        DecoderKind kind = decoderKind();
        TrainingConfig.Builder builder = TrainingConfig.builder()
                .latentDimension(latentDimension.getIntValue())
                .decoderKind(kind);
        if (kind != DecoderKind.CONVOLUTION_1D) {
            builder.hiddenSizes(hiddenSizes()); // not read for a convolution, so a stale list cannot stop it
        }
        builder
                .convolutionChannels(convolutionChannels.getIntValue())
                .kernelSize(kernelSize.getIntValue())
                .convolutionLayers(convolutionLayers.getIntValue())
                .activation(GfeChoices.ACTIVATION.parse(activation, "Activation"))
                .loss(GfeChoices.LOSS.parse(loss, "Loss"))
                .normalisation(GfeChoices.NORMALISATION.parse(normalisation, "Normalisation"))
                .method(GfeChoices.TRAINING_METHOD.parse(method, "Training method"))
                .epochs(epochs.getIntValue())
                .batchSize(batchSize.getIntValue())
                .learningRate(learningRate.getDoubleValue())
                .rmsAlpha(rmsAlpha.getDoubleValue())
                .rmsEpsilon(rmsEpsilon.getDoubleValue())
                .validationFraction(validationFraction.getDoubleValue())
                .validationInterval(validationInterval.getIntValue())
                .seed(seed.getIntValue())
                .solver(solver);
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(GfeChoices.inWords(e.getMessage()), e);
        }
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
        // the solver comes from a port and is checked against the method in configure(); here any method must pass
        copy.toTrainingConfig(SolverSettings.defaults().toBuilder().integrator(IntegratorKind.RK4).build());
    }
}
