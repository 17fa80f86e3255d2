package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.extension.NodeFactoryProvider;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortUtil;
import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;
import org.knime.core.node.workflow.SingleNodeContainer;
import org.knime.core.node.workflow.WorkflowCreationHelper;
import org.knime.core.node.workflow.WorkflowLoadHelper;
import org.knime.core.node.workflow.WorkflowManager;
import org.knime.core.node.workflow.WorkflowPersistor.WorkflowLoadResult;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;

/**
 * A KNIME project for one test, built with the real WorkflowManager: nodes created through the factories KNIME
 * finds in the plugin.xml registrations ({@link NodeFactoryProvider}), settings written through
 * {@code saveNodeSettings}/{@code loadNodeSettings} as a dialog does. Port numbers are KNIME's: 0 is the flow
 * variable port, data ports start at 1.
 */
public final class Wf implements AutoCloseable {

    public static final String SOLVER = "org.gfe.knime.node.solver.SolverSettingsNodeFactory";
    public static final String LEARNER = "org.gfe.knime.node.learner.GfeLearnerNodeFactory";
    public static final String ENCODER = "org.gfe.knime.node.encoder.GfeEncoderNodeFactory";
    public static final String RECONSTRUCTOR = "org.gfe.knime.node.reconstructor.GfeReconstructorNodeFactory";
    public static final String SOURCE = "org.gfe.knime.it.driver.TableSourceNodeFactory";
    public static final String PASS_THROUGH = "org.gfe.knime.it.driver.PassThroughNodeFactory";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Edits the "model" settings of a node. */
    @FunctionalInterface
    public interface Edit {
        void apply(NodeSettings model) throws InvalidSettingsException;
    }

    private final WorkflowManager wfm;
    private final Path dir;

    private Wf(WorkflowManager wfm, Path dir) {
        this.wfm = wfm;
        this.dir = dir;
        Projects.opened(wfm.getID());
    }

    /** A new, empty project in its own folder. */
    public static Wf create(String name) throws IOException {
        Path dir = Files.createDirectories(Projects.root().resolve(name + "-" + COUNTER.incrementAndGet()));
        WorkflowManager wfm = WorkflowManager.ROOT.createAndAddProject(name,
                new WorkflowCreationHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)));
        return new Wf(wfm, dir);
    }

    /** A saved project, loaded as KNIME opens a workflow. */
    public static Wf load(Path dir) throws Exception {
        WorkflowLoadResult result = WorkflowManager.loadProject(dir.toFile(), new ExecutionMonitor(),
                new WorkflowLoadHelper(WorkflowContextV2.forTemporaryWorkflow(dir, null)));
        assertTrue(!result.getType().name().equals("Error"), "loading " + dir + " failed: "
                + result.getFilteredError("", org.knime.core.node.workflow.WorkflowPersistor.LoadResultEntry
                        .LoadResultEntryType.Warning));
        return new Wf(result.getWorkflowManager(), dir);
    }

    public WorkflowManager wfm() {
        return wfm;
    }

    public Path dir() {
        return dir;
    }

    /** Adds a node of the factory KNIME registered under this class name. */
    public NodeID add(String factoryClassName) throws Exception {
        NodeFactory<NodeModel> factory = NodeFactoryProvider.getInstance().<NodeModel>getNodeFactory(factoryClassName)
                .orElseThrow(() -> new AssertionError("KNIME knows no node factory " + factoryClassName
                        + " (is it registered in a plugin.xml of a resolved bundle?)"));
        return wfm.createAndAddNode(factory);
    }

    /** A table source node reading the tecator rows [first, end) (end -1 = all). */
    public NodeID tecator(int first, int end) throws Exception {
        return tecator(first, end, m -> {
        });
    }

    public NodeID tecator(int first, int end, Edit more) throws Exception {
        NodeID id = add(SOURCE);
        settings(id, m -> {
            m.addString(TableSourceNodeModel.CSV, System.getProperty("gfe.tecator.csv"));
            m.addInt(TableSourceNodeModel.FIRST_ROW, first);
            m.addInt(TableSourceNodeModel.END_ROW, end);
            more.apply(m);
        });
        return id;
    }

    /** A Solver Settings node with tau = 1000 (AMD converges well before it on small decoders). */
    public NodeID fastSolver() throws Exception {
        NodeID id = add(SOLVER);
        settings(id, m -> m.addDouble("tau", 1000));
        return id;
    }

    /** A Learner with a small decoder: MSE on z-scored columns, batches of 16, learning rate 1e-3. */
    public NodeID learner(int latentDimension, String hiddenSizes, int epochs) throws Exception {
        NodeID id = add(LEARNER);
        settings(id, m -> {
            m.addInt("latent_dimension", latentDimension);
            m.addString("hidden_sizes", hiddenSizes);
            m.addInt("epochs", epochs);
            m.addInt("batch_size", 16);
            m.addDouble("learning_rate", 1e-3);
            m.addString("loss", "MSE");
            m.addString("normalisation", "Z_SCORE");
        });
        return id;
    }

    public void connect(NodeID source, int sourcePort, NodeID dest, int destPort) {
        wfm.addConnection(source, sourcePort, dest, destPort);
    }

    /** Changes model settings as a dialog would: read them, edit, load them back (KNIME validates them). */
    public void settings(NodeID id, Edit edit) throws InvalidSettingsException {
        // as a dialog does: the node's settings, its model's defaults for a fresh node
        NodeSettings settings = ((SingleNodeContainer)wfm.getNodeContainer(id)).getNodeSettings();
        edit.apply(settings.getNodeSettings("model"));
        wfm.loadNodeSettings(id, settings);
    }

    /** Lets the flow variable {@code variable} set the model setting {@code key} (the dialog's variable tab). */
    public void useVariable(NodeID id, String key, String variable) throws InvalidSettingsException {
        NodeSettings settings = ((SingleNodeContainer)wfm.getNodeContainer(id)).getNodeSettings();
        NodeSettingsWO variables = settings.addNodeSettings("variables");
        variables.addString("version", "V_2019_09_13");
        NodeSettingsWO entry = variables.addNodeSettings("tree").addNodeSettings(key);
        entry.addString("used_variable", variable);
        entry.addString("exposed_variable", null);
        wfm.loadNodeSettings(id, settings);
    }

    public NodeContainer node(NodeID id) {
        return wfm.getNodeContainer(id);
    }

    public PortObject port(NodeID id, int port) {
        return node(id).getOutPort(port).getPortObject();
    }

    public BufferedDataTable table(NodeID id, int port) {
        return (BufferedDataTable)port(id, port);
    }

    /** Executes everything and asserts that it all executed. */
    public void executeAll() {
        boolean done = wfm.executeAllAndWaitUntilDone();
        assertTrue(done && wfm.getNodeContainerState().isExecuted(), "not everything executed: " + states());
    }

    /** Each node's name, state and message, for failure messages. */
    public String states() {
        List<String> lines = new ArrayList<>();
        for (NodeContainer nc : wfm.getNodeContainers()) {
            NodeMessage message = nc.getNodeMessage();
            lines.add(nc.getNameWithID() + " " + nc.getNodeContainerState()
                    + (message.getMessageType() == NodeMessage.Type.RESET ? "" : " [" + message.getMessageType()
                            + ": " + message.getMessage() + "]"));
        }
        return String.join("; ", lines);
    }

    /** Saves the project, with its data, into its folder. */
    public void save() throws Exception {
        wfm.save(dir.toFile(), new ExecutionMonitor(), true);
    }

    @Override
    public void close() {
        wfm.getParent().cancelExecution(wfm);
        WorkflowManager.ROOT.removeProject(wfm.getID());
        Projects.closed(wfm.getID());
    }

    /**
     * The entries of a port object as KNIME writes it to a stream (the way it saves ports), by entry name; entries
     * that are zips themselves (KNIME nests the object's own zip) are opened too, as "outer!/inner".
     */
    public static Map<String, byte[]> serialized(PortObject object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PortUtil.writeObjectToStream(object, bytes, new ExecutionMonitor());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        unzip("", bytes.toByteArray(), entries);
        return entries;
    }

    private static void unzip(String prefix, byte[] zipBytes, Map<String, byte[]> entries) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] content = zip.readAllBytes();
                boolean nested = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
                        && content[3] == 4;
                if (nested) {
                    unzip(prefix + entry.getName() + "!/", content, entries);
                } else {
                    entries.put(prefix + entry.getName(), content);
                }
            }
        }
    }

    /** The bytes of the GFE model inside a model port object (the entry gfe-model.bin). */
    public static byte[] modelBytes(PortObject model) throws Exception {
        for (Map.Entry<String, byte[]> entry : serialized(model).entrySet()) {
            if (entry.getKey().endsWith("gfe-model.bin")) {
                return entry.getValue();
            }
        }
        throw new AssertionError("no gfe-model.bin in the serialized model port: " + serialized(model).keySet());
    }
}
