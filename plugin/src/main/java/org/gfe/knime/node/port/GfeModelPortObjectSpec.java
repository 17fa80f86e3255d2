package org.gfe.knime.node.port;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.settings.GfeChoices;
import org.knime.core.data.DataType;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What a GFE model looks like before any data flows, so that the Encoder and Reconstructor can check their inputs in
 * configure(): latent dimension, training column names and types, loss, normalisation, decoder shape and the model's
 * format version. Immutable once built (the public no-arg constructor and {@link #load} exist for KNIME's
 * serializer only).
 *
 * <p>The loss is the resolved loss of a trained model; a Learner that is configured but not yet run may say
 * {@code AUTO} (resolved from the data during training).
 *
 * <p>The decoder is an MLP of the hidden sizes, or, when {@link #convolution()} is not empty, a 1-D convolutional
 * decoder so described (no hidden sizes). Specs stored before convolutional decoders existed load as MLPs.
 */
public final class GfeModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String FORMAT_VERSION = "format_version";
    private static final String LATENT_DIMENSION = "latent_dimension";
    private static final String COLUMN_NAMES = "column_names";
    private static final String COLUMN_TYPES = "column_types";
    private static final String LOSS = "loss";
    private static final String NORMALISATION = "normalisation";
    private static final String HIDDEN_SIZES = "hidden_sizes";
    private static final String ACTIVATION = "activation";
    private static final String CONVOLUTION = "convolution";

    private int formatVersion = GfeModel.FORMAT_VERSION;
    private int latentDimension;
    private String[] columnNames = new String[0];
    private DataType[] columnTypes = new DataType[0];
    private String loss = "";
    private String normalisation = "";
    private int[] hiddenSizes = new int[0];
    private String activation = "";
    private String convolution = "";

    /** The serializer's constructor; the content comes from {@link #load}. */
    public GfeModelPortObjectSpec() {
    }

    /**
     * The spec of a model with an MLP decoder.
     *
     * @param columnNames the training columns, in order
     * @param columnTypes their types in the training table
     */
    public GfeModelPortObjectSpec(int latentDimension, List<String> columnNames, List<DataType> columnTypes,
            String loss, String normalisation, int[] hiddenSizes, String activation) {
        this(latentDimension, columnNames, columnTypes, loss, normalisation, hiddenSizes, activation, "");
    }

    /**
     * @param columnNames the training columns, in order
     * @param columnTypes their types in the training table
     * @param convolution empty for an MLP decoder, else the 1-D convolutional decoder's description (see
     *        {@link GfeModel#convolutionDescription}); its hidden sizes are then empty
     */
    public GfeModelPortObjectSpec(int latentDimension, List<String> columnNames, List<DataType> columnTypes,
            String loss, String normalisation, int[] hiddenSizes, String activation, String convolution) {
        if (columnNames.size() != columnTypes.size()) {
            throw new IllegalArgumentException(columnNames.size() + " column names but " + columnTypes.size()
                    + " column types.");
        }
        this.latentDimension = latentDimension;
        this.columnNames = columnNames.toArray(new String[0]);
        this.columnTypes = columnTypes.toArray(new DataType[0]);
        this.loss = Objects.requireNonNull(loss);
        this.normalisation = Objects.requireNonNull(normalisation);
        this.hiddenSizes = hiddenSizes.clone();
        this.activation = Objects.requireNonNull(activation);
        this.convolution = Objects.requireNonNull(convolution);
    }

    public int formatVersion() {
        return formatVersion;
    }

    public int latentDimension() {
        return latentDimension;
    }

    public List<String> columnNames() {
        return List.of(columnNames);
    }

    public List<DataType> columnTypes() {
        return List.of(columnTypes);
    }

    /** BCE, BCE_REFERENCE or MSE; AUTO before training resolved it. */
    public String loss() {
        return loss;
    }

    public String normalisation() {
        return normalisation;
    }

    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    public String activation() {
        return activation;
    }

    /** Empty for an MLP decoder, else the 1-D convolution, e.g. "1-D convolution, 8 channels, kernel 5, 2 layers". */
    public String convolution() {
        return convolution;
    }

    /** The decoder, e.g. "20-150-300-600-784 ELU" or "1-D convolution, 8 channels, kernel 5, 2 layers, ELU". */
    public String architecture() {
        if (!convolution.isEmpty()) {
            return convolution + ", " + activation;
        }
        StringBuilder text = new StringBuilder().append(latentDimension);
        for (int size : hiddenSizes) {
            text.append('-').append(size);
        }
        return text.append('-').append(columnNames.length).append(' ').append(activation).toString();
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addInt(FORMAT_VERSION, formatVersion);
        model.addInt(LATENT_DIMENSION, latentDimension);
        model.addStringArray(COLUMN_NAMES, columnNames);
        model.addDataTypeArray(COLUMN_TYPES, columnTypes);
        model.addString(LOSS, loss);
        model.addString(NORMALISATION, normalisation);
        model.addIntArray(HIDDEN_SIZES, hiddenSizes);
        model.addString(ACTIVATION, activation);
        model.addString(CONVOLUTION, convolution);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        int version = model.getInt(FORMAT_VERSION);
        if (version > GfeModel.FORMAT_VERSION) {
            throw new InvalidSettingsException("This GFE model was written by a newer version (format " + version
                    + ") of GFE for KNIME than this one (format " + GfeModel.FORMAT_VERSION + "). Update the"
                    + " extension to read it.");
        }
        formatVersion = version;
        latentDimension = model.getInt(LATENT_DIMENSION);
        columnNames = model.getStringArray(COLUMN_NAMES);
        columnTypes = model.getDataTypeArray(COLUMN_TYPES);
        loss = model.getString(LOSS);
        normalisation = model.getString(NORMALISATION);
        hiddenSizes = model.getIntArray(HIDDEN_SIZES);
        activation = model.getString(ACTIVATION);
        convolution = model.getString(CONVOLUTION, ""); // absent before convolutional decoders: an MLP
        if (columnNames.length != columnTypes.length) {
            throw new InvalidSettingsException("The stored GFE model spec is corrupt: " + columnNames.length
                    + " column names but " + columnTypes.length + " column types.");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GfeModelPortObjectSpec that && formatVersion == that.formatVersion
                && latentDimension == that.latentDimension && Arrays.equals(columnNames, that.columnNames)
                && Arrays.equals(columnTypes, that.columnTypes) && loss.equals(that.loss)
                && normalisation.equals(that.normalisation) && Arrays.equals(hiddenSizes, that.hiddenSizes)
                && activation.equals(that.activation) && convolution.equals(that.convolution);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, latentDimension, Arrays.hashCode(columnNames), loss, normalisation,
                Arrays.hashCode(hiddenSizes), activation, convolution);
    }

    @Override
    public String toString() {
        return "GFE model spec: decoder " + architecture() + ", latent dimension " + latentDimension + ", "
                + columnNames.length + " columns, loss " + GfeChoices.LOSS.labelOf(loss) + ", normalisation "
                + GfeChoices.NORMALISATION.labelOf(normalisation) + ", format " + formatVersion;
    }

    /** KNIME's serializer of this spec (registered in plugin.xml). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<GfeModelPortObjectSpec> {
    }
}
