package org.gfe.knime.core.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.decoder.ConvDecoder1d;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.LinearPlusMlpDecoder;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.InitialCodes;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.ObjectiveSource;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.loss.LossKind;

/**
 * A trained GFE model: the decoder (configuration and weights), the resolved loss, the normalisation fitted on the
 * training rows, the names of the columns it was trained on, and the solver settings it was trained with (the
 * default for encoding). It encodes rows given in original units ({@link #objective}) and decodes codes back to
 * original units ({@link #reconstruct}). Owns its decoder's native memory: close it when done.
 *
 * <p>Stream format: the ASCII magic {@code GFEMODEL}, the format version (int), the payload's length (long), the
 * payload, and the payload's CRC-32 (long), so a truncated or corrupted stream is detected before it is parsed.
 * In the payload the decoder is preceded by its kind tag ({@code MLP}, {@code CONV1D} or {@code LINEAR_PLUS_MLP}).
 */
public final class GfeModel implements ObjectiveSource, AutoCloseable {

    /**
     * The newest stream format: this class reads versions 1 to this, and writes the oldest version that holds the
     * model (version 2 added the linear + MLP decoder), so older GFE versions still read the models they can use.
     */
    public static final int FORMAT_VERSION = 2;

    private static final byte[] MAGIC = "GFEMODEL".getBytes(StandardCharsets.US_ASCII);
    private static final int SUMMARY_COLUMNS = 5;
    private static final String MLP_TAG = "MLP";
    private static final String CONV1D_TAG = "CONV1D";
    private static final String LINEAR_PLUS_MLP_TAG = "LINEAR_PLUS_MLP";

    private final Decoder decoder;
    private final LossKind loss;
    private final ReconstructionLoss lossFunction;
    private final Normalisation normalisation;
    private final List<String> columnNames;
    private final SolverSettings solverSettings;

    /**
     * A model owning {@code decoder}, an {@link MlpDecoder} or a {@link ConvDecoder1d}.
     *
     * @throws IllegalArgumentException if the loss is AUTO, or the columns, normalisation and decoder disagree in width
     */
    public GfeModel(Decoder decoder, LossKind loss, Normalisation normalisation, List<String> columnNames,
            SolverSettings solverSettings) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.normalisation = Objects.requireNonNull(normalisation, "normalisation");
        this.columnNames = List.copyOf(columnNames);
        this.solverSettings = Objects.requireNonNull(solverSettings, "solverSettings");
        if (!(decoder instanceof MlpDecoder) && !(decoder instanceof ConvDecoder1d)
                && !(decoder instanceof LinearPlusMlpDecoder)) {
            throw new IllegalArgumentException("A model stores an MLP, 1-D convolutional or linear + MLP decoder, not "
                    + decoder.getClass().getSimpleName() + ".");
        }
        if (loss == LossKind.AUTO) {
            throw new IllegalArgumentException("A model needs a resolved loss (BCE, BCE_REFERENCE or MSE), not AUTO.");
        }
        int outputs = decoder.outputDimension();
        if (this.columnNames.size() != outputs || normalisation.columnCount() != outputs) {
            throw new IllegalArgumentException("The decoder has " + outputs + " outputs but " + this.columnNames.size()
                    + " column names and a normalisation of " + normalisation.columnCount()
                    + " columns were given: all three must agree.");
        }
        Set<String> seen = new HashSet<>();
        for (String name : this.columnNames) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Column name '" + name + "' occurs twice: names must be unique.");
            }
        }
        this.lossFunction = ReconstructionLoss.of(loss);
    }

    @Override
    public int columnCount() {
        return columnNames.size();
    }

    @Override
    public int latentDimension() {
        return decoder.inputDimension();
    }

    @Override
    public DataType precision() {
        return decoder.precision();
    }

    /**
     * The objective of rows in original units (NaN = missing): normalised, missing cells masked out of the loss.
     * For a BCE loss the normalised targets are clipped to [0, 1], the range the loss is defined on (a value beyond
     * the training range would otherwise make the loss unbounded below).
     *
     * @throws IllegalArgumentException for a row of the wrong width
     */
    @Override
    public LatentObjective objective(NDManager manager, double[][] rows) {
        double[][] normalised = normalisation.apply(rows);
        if (Reconstruction.outputsAreLogits(loss)) {
            for (double[] row : normalised) {
                for (int p = 0; p < row.length; p++) {
                    row[p] = Math.min(1, Math.max(0, row[p])); // NaN stays NaN
                }
            }
        }
        return DecoderObjective.of(decoder, lossFunction, manager, normalised);
    }

    /**
     * Where the flow starts for these rows (original units, NaN = missing): for the initial state LINEAR_PROJECTION
     * the rows' least-squares codes under the linear part of a linear + MLP decoder (normalised first), else the
     * seeded or zero start of {@link InitialCodes}.
     *
     * @throws IllegalArgumentException for LINEAR_PROJECTION with a decoder that has no linear part
     */
    @Override
    public double[][] startingCodes(SolverSettings settings, double[][] rows, long[] rowIdentities) {
        if (settings.initialState() != InitialState.LINEAR_PROJECTION) {
            return InitialCodes.of(settings, rowIdentities, latentDimension());
        }
        if (!(decoder instanceof LinearPlusMlpDecoder linear)) {
            throw new IllegalArgumentException("The initial state LINEAR_PROJECTION needs a model whose decoder has a"
                    + " linear part (linear + MLP); this model's decoder is " + decoder.description()
                    + ". Choose SEEDED_UNIFORM in the solver settings.");
        }
        return linear.linearCodes(normalisation.apply(rows));
    }

    /** The decoded rows of the codes, in original units (sigmoid applied for BCE losses, normalisation inverted). */
    public double[][] reconstruct(double[][] codes) {
        return Reconstruction.of(decoder, loss, normalisation, codes);
    }

    /** The names of the columns the model was trained on, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** MLP, CONVOLUTION_1D or LINEAR_PLUS_MLP. */
    public DecoderKind decoderKind() {
        return decoder.kind();
    }

    /**
     * The shape of the model's MLP decoder.
     *
     * @throws IllegalStateException for a model with another decoder (see {@link #decoderKind()} and
     *         {@link #decoderDescription()})
     */
    public DecoderSpec decoderSpec() {
        if (decoder instanceof MlpDecoder mlp) {
            return mlp.spec();
        }
        String kind = decoder.kind() == DecoderKind.CONVOLUTION_1D ? "1-D convolutional" : "linear + MLP";
        throw new IllegalStateException("This GFE model has a " + kind + " decoder (" + decoder.description()
                + "), which has no MLP decoder spec; use decoderKind() and decoderDescription() instead.");
    }

    /** The decoder's architecture for people, e.g. "20-150-300-600-784 MLP" or "1-D convolution, 8 channels, ...". */
    public String decoderDescription() {
        return decoder.description();
    }

    /** How {@link #decoderDescription()} names a 1-D convolutional decoder (shared with the model port's spec). */
    public static String convolutionDescription(int channels, int kernelSize, int layers) {
        return ConvDecoder1d.description(channels, kernelSize, layers);
    }

    /** The resolved loss, never AUTO. */
    public LossKind loss() {
        return loss;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    /** The solver settings the model was trained with; the default for encoding with it. */
    public SolverSettings solverSettings() {
        return solverSettings;
    }

    /** The decoder's parameter values (copies), W1, b1, W2, b2, ... (see the decoder class for the order). */
    public List<double[]> parameterValues() {
        return decoder.parameterValues();
    }

    /** The stream format version {@link #write} uses for this model: the oldest that holds it. */
    public int formatVersion() {
        return decoder.kind() == DecoderKind.LINEAR_PLUS_MLP
                || solverSettings.formatVersion() > 1 ? 2 : 1;
    }

    /** One paragraph for people: architecture, parameters, loss, normalisation, columns, solver. */
    public String summary() {
        List<String> shown = columnNames.subList(0, Math.min(SUMMARY_COLUMNS, columnNames.size()));
        String columns = String.join(", ", shown) + (columnNames.size() > shown.size() ? ", ..." : "");
        return String.format(Locale.ROOT, "GFE model (format %d): decoder %s with %s activation, %,d parameters (%s);"
                + " latent dimension %d; loss %s; normalisation %s; %d columns (%s); encodes by default with %s,"
                + " tau = %s, alpha = %s.", formatVersion(), decoderDescription(), activation(), parameterCount(),
                decoder.precision().name().toLowerCase(Locale.ROOT), latentDimension(), describe(loss),
                normalisation.kind(), columnNames.size(), columns, solverSettings.integrator(),
                number(solverSettings.endTime()), number(solverSettings.flowRate()));
    }

    /**
     * Writes the model; the stream is flushed, not closed.
     *
     * @throws IOException if the stream fails
     */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream payload = new DataOutputStream(buffer);
        payload.writeUTF(loss.name());
        payload.writeInt(columnNames.size());
        for (String name : columnNames) {
            payload.writeUTF(name);
        }
        normalisation.write(payload);
        solverSettings.write(payload);
        payload.writeUTF(decoder.precision().name());
        payload.writeUTF(tag(decoder.kind()));
        decoder.write(payload);
        payload.flush();
        byte[] bytes = buffer.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(formatVersion());
        data.writeLong(bytes.length);
        data.write(bytes);
        data.writeLong(crc.getValue());
        data.flush();
    }

    /**
     * Reads a model written by {@link #write}, consuming exactly its bytes; the stream is not closed.
     *
     * @throws ModelFormatException if the stream is not a GFE model, is of a newer format, truncated or corrupt, or
     *         holds a decoder kind this version does not know
     * @throws IOException if the stream fails
     */
    public static GfeModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException("This is not a GFE model: the data does not start with the GFEMODEL"
                    + " header. Connect the output of a GFE Learner, or a file it wrote.");
        }
        try {
            int version = data.readInt();
            if (version > FORMAT_VERSION) {
                throw ModelFormatException.newerFormat(version, FORMAT_VERSION);
            }
            if (version < 1) {
                throw corrupt("invalid format version " + version, null);
            }
            long length = data.readLong();
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                throw corrupt("invalid payload length " + length, null);
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw truncated(null);
            }
            long expected = data.readLong();
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != expected) {
                throw corrupt("its checksum does not match its content", null);
            }
            return parse(bytes);
        } catch (EOFException e) {
            throw truncated(e);
        }
    }

    private static GfeModel parse(byte[] bytes) throws ModelFormatException {
        ByteArrayInputStream buffer = new ByteArrayInputStream(bytes);
        DataInputStream payload = new DataInputStream(buffer);
        Decoder decoder = null;
        try {
            LossKind loss = LossKind.valueOf(payload.readUTF());
            int columns = payload.readInt();
            if (columns < 1 || columns > bytes.length) {
                throw corrupt("invalid column count " + columns, null);
            }
            String[] names = new String[columns];
            for (int p = 0; p < columns; p++) {
                names[p] = payload.readUTF();
            }
            Normalisation normalisation = Normalisation.read(payload);
            SolverSettings settings = SolverSettings.read(payload);
            DataType precision = DataType.valueOf(payload.readUTF());
            decoder = readDecoder(payload, precision);
            if (buffer.available() != 0) {
                throw corrupt(buffer.available() + " unexpected bytes follow the decoder", null);
            }
            return new GfeModel(decoder, loss, normalisation, List.of(names), settings);
        } catch (ModelFormatException e) {
            closeQuietly(decoder);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(decoder);
            throw corrupt(e.getMessage(), e);
        }
    }

    private static Decoder readDecoder(DataInputStream payload, DataType precision) throws IOException {
        String tag = payload.readUTF();
        return switch (tag) {
            case MLP_TAG -> MlpDecoder.read(payload, precision);
            case CONV1D_TAG -> ConvDecoder1d.read(payload, precision);
            case LINEAR_PLUS_MLP_TAG -> LinearPlusMlpDecoder.read(payload, precision);
            default -> throw new ModelFormatException("The GFE model has a decoder of the unknown kind '" + tag
                    + "' (this version knows " + MLP_TAG + ", " + CONV1D_TAG + " and " + LINEAR_PLUS_MLP_TAG
                    + "). It was written by a newer version of GFE for KNIME, or is corrupt: update the extension or"
                    + " train the model again.", null);
        };
    }

    private static String tag(DecoderKind kind) {
        return switch (kind) {
            case MLP -> MLP_TAG;
            case CONVOLUTION_1D -> CONV1D_TAG;
            case LINEAR_PLUS_MLP -> LINEAR_PLUS_MLP_TAG;
        };
    }

    private Activation activation() {
        return decoder.activation();
    }

    private int parameterCount() {
        return decoder.parameterCount();
    }

    /** Releases the decoder's native memory. */
    @Override
    public void close() {
        decoder.close();
    }

    @Override
    public String toString() {
        return "GfeModel[" + decoderDescription() + " " + activation() + ", " + loss + ", " + normalisation + "]";
    }

    private static ModelFormatException truncated(Throwable cause) {
        return new ModelFormatException("The GFE model data ended early: it is truncated. Write the model again"
                + " from the GFE Learner.", cause);
    }

    private static ModelFormatException corrupt(String detail, Throwable cause) {
        return new ModelFormatException("The GFE model data is corrupt (" + detail + "). Write the model again"
                + " from the GFE Learner.", cause);
    }

    private static void closeQuietly(Decoder decoder) {
        if (decoder != null) {
            decoder.close();
        }
    }

    private static String describe(LossKind loss) {
        return switch (loss) {
            case BCE -> "BCE on logits (stable log-sigmoid form)";
            case BCE_REFERENCE -> "BCE on logits (reference form: sigmoid, then log with +1e-8)";
            case MSE -> "MSE";
            case AUTO -> "AUTO";
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
