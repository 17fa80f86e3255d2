package org.gfe.knime.node.port;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import javax.swing.JComponent;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.settings.GfeChoices;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * The GFE model port: a trained model as the bytes {@link GfeModel#write} produces (stored as a binary zip entry,
 * not XML), its spec, its summary and how its training ended.
 *
 * <p>The port holds bytes, not a live model: every node that uses it opens its own {@link GfeModel} with
 * {@link #openModel()} and closes it when done. So a port object never holds native memory, a reset has nothing to
 * release, and two nodes can use one model at the same time.
 */
public final class GfeModelPortObject extends AbstractPortObject {

    /** The port type (registered in plugin.xml). */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(GfeModelPortObject.class);

    /** The optional port type. */
    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(GfeModelPortObject.class, true);

    private static final String MODEL_ENTRY = "gfe-model.bin";
    private static final String DETAILS_ENTRY = "gfe-model-details.bin";
    private static final int DETAILS_VERSION = 1;

    private GfeModelPortObjectSpec spec;
    private byte[] modelBytes;
    private String modelSummary;
    private TrainingOutcome outcome;

    /** The serializer's constructor; the content comes from {@link #load}. */
    public GfeModelPortObject() {
    }

    /** A port object holding the model's bytes (the model itself stays the caller's to close). */
    public GfeModelPortObject(GfeModelPortObjectSpec spec, GfeModel model, TrainingOutcome outcome)
            throws IOException {
        this(spec, model, outcome, List.of());
    }

    /**
     * A port object holding the model's bytes (the model itself stays the caller's to close).
     *
     * @param notes lines added to the model's summary, e.g. which loss 'Automatic' chose and why
     */
    public GfeModelPortObject(GfeModelPortObjectSpec spec, GfeModel model, TrainingOutcome outcome,
            List<String> notes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        this.spec = spec;
        this.modelBytes = bytes.toByteArray();
        this.modelSummary = ModelSummary.of(model, spec.activation(), notes);
        this.outcome = outcome;
    }

    /** A new model read from the stored bytes; the caller closes it (it owns native memory). */
    public GfeModel openModel() throws IOException {
        return GfeModel.read(new ByteArrayInputStream(modelBytes));
    }

    @Override
    public GfeModelPortObjectSpec getSpec() {
        return spec;
    }

    public TrainingOutcome outcome() {
        return outcome;
    }

    /** The model's description (decoder, parameters, loss, normalisation, default solver; notes), one per line. */
    public String modelSummary() {
        return modelSummary;
    }

    /** The model's summary, how it was trained and its columns: what the port view shows. */
    public String description() {
        return modelSummary + "\nTraining: " + outcome.describe() + "\n" + ModelSummary.columns(spec.columnNames());
    }

    @Override
    public String getSummary() {
        return "GFE model " + spec.architecture() + ", loss " + GfeChoices.LOSS.labelOf(spec.loss()) + "; "
                + outcome.describe();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {TextView.of("GFE model", description())};
    }

    @Override
    protected void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        out.putNextEntry(new ZipEntry(MODEL_ENTRY));
        out.write(modelBytes);
        out.closeEntry();
        out.putNextEntry(new ZipEntry(DETAILS_ENTRY));
        DataOutputStream details = new DataOutputStream(out);
        details.writeInt(DETAILS_VERSION);
        byte[] summary = modelSummary.getBytes(StandardCharsets.UTF_8);
        details.writeInt(summary.length);
        details.write(summary);
        outcome.write(details);
        details.flush();
        out.closeEntry();
    }

    @Override
    protected void load(PortObjectZipInputStream in, PortObjectSpec portSpec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        spec = (GfeModelPortObjectSpec) portSpec;
        ZipEntry entry;
        while ((entry = in.getNextEntry()) != null) {
            if (MODEL_ENTRY.equals(entry.getName())) {
                modelBytes = in.readAllBytes();
            } else if (DETAILS_ENTRY.equals(entry.getName())) {
                readDetails(new DataInputStream(in));
            }
        }
        if (modelBytes == null || outcome == null) {
            throw new IOException("The stored GFE model port is incomplete (" + (modelBytes == null ? MODEL_ENTRY
                    : DETAILS_ENTRY) + " is missing). Run the GFE Learner again, or write the model anew.");
        }
        // the bytes are parsed (and checked) when a node opens the model: loading a workflow needs no PyTorch
    }

    private void readDetails(DataInputStream details) throws IOException {
        int version = details.readInt();
        if (version < 1 || version > DETAILS_VERSION) {
            throw new IOException("The stored GFE model details have format " + version + "; this version reads "
                    + DETAILS_VERSION + ". Update the GFE extension.");
        }
        byte[] summary = details.readNBytes(details.readInt());
        modelSummary = new String(summary, StandardCharsets.UTF_8);
        outcome = TrainingOutcome.read(details);
    }

    /** KNIME's serializer of this port object (registered in plugin.xml). */
    public static final class Serializer extends AbstractPortObjectSerializer<GfeModelPortObject> {
    }
}
