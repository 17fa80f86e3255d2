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
 * decoder so described (no hidden sizes), or a linear + MLP decoder ({@link #decoderKind()}). Hidden sizes that the
 * Learner sizes to the data are not known before it runs: such a spec says so ({@link #sizedToData()}) and has no
 * hidden sizes, before and after execution alike (the model's summary gives the sizes). Specs stored before
 * convolutional decoders existed load as MLPs; specs stored before the decoder kind was recorded have it empty.
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
    private static final String DECODER_KIND = "decoder_kind";
    private static final String SIZED_TO_DATA = "sized_to_data";

    private int formatVersion = GfeModel.FORMAT_VERSION;
    private int latentDimension;
    private String[] columnNames = new String[0];
    private DataType[] columnTypes = new DataType[0];
    private String loss = "";
    private String normalisation = "";
    private int[] hiddenSizes = new int[0];
    private String activation = "";
    private String convolution = "";
    private String decoderKind = "";
    private boolean sizedToData;

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
        this(latentDimension, columnNames, columnTypes, loss, normalisation, hiddenSizes, activation, convolution,
                convolution.isEmpty() ? "MLP" : "CONVOLUTION_1D", false);
    }

    /**
     * @param columnNames the training columns, in order
     * @param columnTypes their types in the training table
     * @param convolution empty unless the decoder is a 1-D convolution, else its description
     * @param decoderKind MLP, CONVOLUTION_1D or LINEAR_PLUS_MLP (the core's DecoderKind name)
     * @param sizedToData whether the hidden sizes are sized to the data by the Learner (then {@code hiddenSizes} is
     *        empty: they are known only after training, and the spec must be the same before and after)
     */
    public GfeModelPortObjectSpec(int latentDimension, List<String> columnNames, List<DataType> columnTypes,
            String loss, String normalisation, int[] hiddenSizes, String activation, String convolution,
            String decoderKind, boolean sizedToData) {
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
        this.decoderKind = Objects.requireNonNull(decoderKind);
        this.sizedToData = sizedToData;
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

    /**
     * The decoder's kind as the core names it (MLP, CONVOLUTION_1D or LINEAR_PLUS_MLP); empty for a spec stored
     * before the kind was recorded (an MLP, a convolution if {@link #convolution()} says so, or a linear + MLP).
     */
    public String decoderKind() {
        return decoderKind;
    }

    /** Whether the Learner sizes the hidden layers to the data (so the spec has none; the model's summary does). */
    public boolean sizedToData() {
        return sizedToData;
    }

    /**
     * The decoder, e.g. "20-150-300-600-784 ELU", "1-D convolution, 8 channels, kernel 5, 2 layers, ELU",
     * "linear (PCA start) + MLP correction 2-64-64-103, ELU" or "linear (PCA start) + MLP correction, hidden layers
     * sized to the data, ELU".
     */
    public String architecture() {
        if (!convolution.isEmpty()) {
            return convolution + ", " + activation;
        }
        boolean linearPlusMlp = "LINEAR_PLUS_MLP".equals(decoderKind);
        if (sizedToData) {
            return (linearPlusMlp ? "linear (PCA start) + MLP correction" : "MLP") + ", hidden layers sized to the"
                    + " data, " + activation;
        }
        StringBuilder text = new StringBuilder().append(latentDimension);
        for (int size : hiddenSizes) {
            text.append('-').append(size);
        }
        text.append('-').append(columnNames.length);
        return linearPlusMlp ? "linear (PCA start) + MLP correction " + text + ", " + activation
                : text.append(' ').append(activation).toString();
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
        model.addString(DECODER_KIND, decoderKind);
        model.addBoolean(SIZED_TO_DATA, sizedToData);
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
        decoderKind = model.getString(DECODER_KIND, ""); // absent before it was recorded: unknown
        sizedToData = model.getBoolean(SIZED_TO_DATA, false);
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
                && activation.equals(that.activation) && convolution.equals(that.convolution)
                && decoderKind.equals(that.decoderKind) && sizedToData == that.sizedToData;
    }

    @Override
    public int hashCode() {
        return Objects.hash(formatVersion, latentDimension, Arrays.hashCode(columnNames), loss, normalisation,
                Arrays.hashCode(hiddenSizes), activation, convolution, decoderKind, sizedToData);
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
