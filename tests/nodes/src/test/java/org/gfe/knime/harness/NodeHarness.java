package org.gfe.knime.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.BufferedDataTableHolder;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.TestNodeAccess;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.FlowVariable;

/**
 * Drives one node the way KNIME does, against the in-memory KNIME doubles (tests/knime-doubles).
 *
 * <pre>{@code
 * NodeHarness<MyNodeModel> h = NodeHarness.of(new MyNodeFactory()); // createNodeModel + saveSettingsTo (defaults)
 * h.edit().setInt("epochs", 2).setString("loss", "MSE");             // edit settings by key ("sub/key" nests)
 * h.edit().remove("newKey");                                          // imitate settings of an older version
 * PortObjectSpec[] specs = h.configure(table.getDataTableSpec());     // validate + load settings + configure
 * ExecutionResult<MyNodeModel> r = h.execute(table);                  // the whole KNIME sequence, see below
 * BufferedDataTable out = r.table(0);  MyPortObject m = r.port(1, MyPortObject.class);
 * r.warning(); r.warnings(); r.flowVariableDouble("loss"); r.progress(); r.reloadedModel();
 * r.specMismatches();        // table outputs whose executed spec differs from configure's (names/types)
 * r.otherSpecDifferences();  // non-table outputs whose executed spec is not equal to configure's
 * }</pre>
 *
 * {@link #execute} does, in order: check the inputs against the in-port types (null only for optional ports);
 * validateSettings + loadValidatedSettingsFrom with {@link #settings()}; clear the warning; configure with the
 * inputs' specs; clear pushed flow variables; execute with a fresh {@link ExecutionProbe} context; check the
 * outputs (count, not null, accepted by the out-port types) and compare them with the configured specs; write and
 * read every output through its serializers (zip streams; {@link PortObjectRoundTrip}); saveInternals into a temp
 * directory and loadInternals into a fresh model with the same settings (plus the internal tables of a
 * BufferedDataTableHolder); finally reset the executed model (turn off with {@link #resetAfterExecute}). If
 * execute throws (e.g. CanceledExecutionException), the model is reset and the exception is rethrown as is.
 *
 * <p>Cancellation: {@link #cancelAfterCheckpoints(long)} (a checkpoint is a checkCanceled call or a progress
 * update), {@link #cancelNow()} from another thread, or a probe of your own via {@link #useProbe}. Input flow
 * variables for {@code peekFlowVariable*}: {@link #withFlowVariable}. Dialogs: {@link #dialogRoundTrip}.
 * Tables: {@link Tables}, {@link CsvTables}; data files: {@link TestData}; logs: {@link LogCapture}; node
 * descriptions: {@link NodeDescriptionCheck}; serializers alone: {@link PortObjectRoundTrip}.
 */
public final class NodeHarness<M extends NodeModel> {
    private final NodeFactory<M> m_factory;

    private final M m_model;

    private NodeSettings m_settings;

    private final Map<String, FlowVariable> m_inputVariables = new LinkedHashMap<>();

    private long m_cancelAfter;

    private ExecutionProbe m_nextProbe;

    private volatile ExecutionProbe m_probe;

    private volatile boolean m_cancelRequested;

    private volatile boolean m_running;

    private boolean m_roundTrip = true;

    private boolean m_resetAfterExecute = true;

    private NodeHarness(final NodeFactory<M> factory) {
        m_factory = factory;
        m_model = factory.createNodeModel();
        m_settings = defaultSettings(m_model);
    }

    /** Creates the model and saves its default settings, as KNIME does when a node is added. */
    public static <M extends NodeModel> NodeHarness<M> of(final NodeFactory<M> factory) {
        return new NodeHarness<>(factory);
    }

    private static NodeSettings defaultSettings(final NodeModel model) {
        final NodeSettings settings = new NodeSettings("model");
        TestNodeAccess.saveSettingsTo(model, settings);
        return settings;
    }

    public NodeFactory<M> factory() {
        return m_factory;
    }

    public M model() {
        return m_model;
    }

    /** The settings applied before each configure and execute. */
    public NodeSettings settings() {
        return m_settings;
    }

    /** Replaces the settings (e.g. with ones read from XML of an older node version). */
    public NodeHarness<M> withSettings(final NodeSettings settings) {
        m_settings = settings;
        return this;
    }

    /** An editor of {@link #settings()}. */
    public SettingsEditor edit() {
        return new SettingsEditor(() -> m_settings, s -> m_settings = s);
    }

    /** The settings the model saves now (after loading, they show how it reads them back). */
    public NodeSettings savedSettings() {
        return defaultSettings(m_model);
    }

    /** Makes a flow variable available at the node's input (for peekFlowVariable*). */
    public NodeHarness<M> withFlowVariable(final FlowVariable variable) {
        m_inputVariables.put(variable.getName(), variable);
        return this;
    }

    public NodeHarness<M> cancelAfterCheckpoints(final long checkpoints) {
        m_cancelAfter = checkpoints;
        return this;
    }

    /** Uses this probe for the next execution (e.g. with a progress listener that cancels). */
    public NodeHarness<M> useProbe(final ExecutionProbe probe) {
        m_nextProbe = probe;
        return this;
    }

    /** Cancels the running execution, or else the next one; safe from any thread. */
    public synchronized void cancelNow() {
        if (m_running && m_probe != null) {
            m_probe.cancel();
        } else {
            m_cancelRequested = true;
        }
    }

    /** The probe of the running or last execution (progress and checkpoints even if execute threw). */
    public ExecutionProbe lastProbe() {
        return m_probe;
    }

    /** Whether outputs are written and read back through their serializers (default true). */
    public NodeHarness<M> roundTripOutputs(final boolean roundTrip) {
        m_roundTrip = roundTrip;
        return this;
    }

    /** Whether the model is reset after a successful execute (default true). */
    public NodeHarness<M> resetAfterExecute(final boolean reset) {
        m_resetAfterExecute = reset;
        return this;
    }

    // ---- life cycle ----

    /** validateSettings + loadValidatedSettingsFrom with {@link #settings()}. */
    public void applySettings() throws InvalidSettingsException {
        applySettings(m_model);
    }

    private void applySettings(final NodeModel model) throws InvalidSettingsException {
        TestNodeAccess.validateSettings(model, m_settings);
        TestNodeAccess.loadValidatedSettingsFrom(model, m_settings);
    }

    /** Applies the settings and configures with the given input specs (null only for optional ports). */
    public PortObjectSpec[] configure(final PortObjectSpec... inSpecs) throws InvalidSettingsException {
        checkInputs(inSpecs, true);
        applySettings();
        TestNodeAccess.setInputFlowVariables(m_model, m_inputVariables);
        TestNodeAccess.clearWarning(m_model);
        final PortObjectSpec[] out = TestNodeAccess.configure(m_model, inSpecs.clone());
        final PortType[] outTypes = TestNodeAccess.outPortTypes(m_model);
        if (out == null || out.length != outTypes.length) {
            throw new IllegalStateException("configure returned " + (out == null ? "null" : out.length + " specs")
                + " but the node has " + outTypes.length + " output ports");
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && !outTypes[i].acceptsPortObjectSpec(out[i])) {
                throw new IllegalStateException("configure returned a " + out[i].getClass().getName()
                    + " for output " + i + " of type " + outTypes[i]);
            }
        }
        return out;
    }

    /** The whole KNIME sequence (see the class comment). */
    public ExecutionResult<M> execute(final PortObject... inputs) throws Exception {
        checkInputs(inputs, false);
        final PortObjectSpec[] inSpecs = new PortObjectSpec[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            inSpecs[i] = inputs[i] == null ? null : inputs[i].getSpec();
        }
        final int warningsBefore = TestNodeAccess.warningHistory(m_model).size();
        final PortObjectSpec[] configured = configure(inSpecs);
        TestNodeAccess.clearWarning(m_model);
        TestNodeAccess.clearPushedFlowVariables(m_model);
        final ExecutionProbe probe = m_nextProbe != null ? m_nextProbe : new ExecutionProbe(m_cancelAfter);
        m_nextProbe = null;
        synchronized (this) {
            m_probe = probe;
            m_running = true;
            if (m_cancelRequested) {
                probe.cancel();
                m_cancelRequested = false;
            }
        }
        final PortObject[] outputs;
        try {
            outputs = TestNodeAccess.execute(m_model, inputs.clone(), probe.newContext());
        } catch (Exception | Error e) {
            TestNodeAccess.reset(m_model);
            throw e;
        } finally {
            m_running = false;
        }
        checkOutputs(outputs);
        final List<String> mismatches = specMismatches(configured, outputs, true);
        final List<String> otherDifferences = specMismatches(configured, outputs, false);
        final String warning = TestNodeAccess.warning(m_model);
        final List<String> history = TestNodeAccess.warningHistory(m_model);
        final List<String> warnings = history.subList(warningsBefore, history.size());
        final Map<String, FlowVariable> pushed = TestNodeAccess.pushedFlowVariables(m_model);
        final PortObject[] read = new PortObject[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            read[i] = m_roundTrip ? PortObjectRoundTrip.roundTrip(outputs[i]) : outputs[i];
        }
        final M reloaded = reloadFromInternals();
        if (m_resetAfterExecute) {
            TestNodeAccess.reset(m_model);
        }
        return new ExecutionResult<>(read, outputs, configured, mismatches, otherDifferences, warning, warnings, pushed,
            probe, reloaded);
    }

    /** reset(), as KNIME calls it when the user resets the node. */
    public void reset() {
        TestNodeAccess.reset(m_model);
    }

    /** onDispose(), as KNIME calls it when the node is deleted. */
    public void dispose() {
        TestNodeAccess.dispose(m_model);
    }

    private void checkInputs(final Object[] inputs, final boolean specs) {
        final PortType[] inTypes = TestNodeAccess.inPortTypes(m_model);
        if (inputs.length != inTypes.length) {
            throw new IllegalArgumentException(inputs.length + " inputs given but the node has " + inTypes.length
                + " input ports");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null && !inTypes[i].isOptional()) {
                throw new IllegalArgumentException("Input " + i + " (" + inTypes[i] + ") is required; KNIME would not "
                    + (specs ? "configure" : "execute") + " the node without it");
            }
            final boolean ok = inputs[i] == null || (specs ? inTypes[i].acceptsPortObjectSpec((PortObjectSpec)inputs[i])
                : inTypes[i].acceptsPortObject((PortObject)inputs[i]));
            if (!ok) {
                throw new IllegalArgumentException("Input " + i + " is a " + inputs[i].getClass().getName()
                    + ", port " + i + " expects " + inTypes[i]);
            }
        }
    }

    private void checkOutputs(final PortObject[] outputs) {
        final PortType[] outTypes = TestNodeAccess.outPortTypes(m_model);
        if (outputs == null || outputs.length != outTypes.length) {
            throw new IllegalStateException("execute returned " + (outputs == null ? "null" : outputs.length
                + " outputs") + " but the node has " + outTypes.length + " output ports");
        }
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                throw new IllegalStateException("execute returned null for output " + i + "; KNIME fails the node");
            }
            if (!outTypes[i].acceptsPortObject(outputs[i])) {
                throw new IllegalStateException("execute returned a " + outputs[i].getClass().getName() + " for output "
                    + i + " of type " + outTypes[i]);
            }
        }
    }

    /** Table ports (tables == true: names and types, as KNIME checks) or the other ports (equals). */
    private static List<String> specMismatches(final PortObjectSpec[] configured, final PortObject[] outputs,
        final boolean tables) {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            final PortObjectSpec c = configured[i];
            final PortObjectSpec e = outputs[i] instanceof BufferedDataTable
                ? ((BufferedDataTable)outputs[i]).getDataTableSpec() : outputs[i].getSpec();
            if (c == null || (outputs[i] instanceof BufferedDataTable) != tables) {
                continue;
            }
            final boolean same = c instanceof DataTableSpec && e instanceof DataTableSpec
                ? ((DataTableSpec)c).equalStructure((DataTableSpec)e) : c.equals(e);
            if (!same) {
                out.add("output " + i + ": configure promised " + c + " but execute produced " + e);
            }
        }
        return out;
    }

    private M reloadFromInternals() throws Exception {
        final Path dir = Files.createTempDirectory("gfe-node-internals");
        try {
            TestNodeAccess.saveInternals(m_model, dir.toFile(), new ExecutionMonitor());
            final M fresh = m_factory.createNodeModel();
            applySettings(fresh);
            TestNodeAccess.loadInternals(fresh, dir.toFile(), new ExecutionMonitor());
            if (m_model instanceof BufferedDataTableHolder) {
                final BufferedDataTable[] tables = ((BufferedDataTableHolder)m_model).getInternalTables();
                if (tables != null) {
                    final BufferedDataTable[] copies = new BufferedDataTable[tables.length];
                    for (int i = 0; i < tables.length; i++) {
                        copies[i] = tables[i] == null ? null : PortObjectRoundTrip.roundTrip(tables[i]);
                    }
                    ((BufferedDataTableHolder)fresh).setInternalTables(copies);
                }
            }
            return fresh;
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ---- dialog ----

    /**
     * Opens the node's dialog with {@link #settings()} and the given input specs (a missing spec of a required
     * table port becomes an empty table spec, as in KNIME), saves the dialog's settings, and checks that a fresh
     * model validates and loads them. Returns the dialog's settings.
     */
    public NodeSettings dialogRoundTrip(final PortObjectSpec... inSpecs) throws Exception {
        if (!TestNodeAccess.hasDialog(m_factory)) {
            throw new IllegalStateException(m_factory.getClass().getName() + " has no dialog");
        }
        final PortType[] inTypes = TestNodeAccess.inPortTypes(m_model);
        final PortObjectSpec[] specs = new PortObjectSpec[inTypes.length];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = i < inSpecs.length ? inSpecs[i] : null;
            if (specs[i] == null && !inTypes[i].isOptional() && inTypes[i].equals(BufferedDataTable.TYPE)) {
                specs[i] = new DataTableSpec();
            }
        }
        final NodeDialogPane pane = TestNodeAccess.createNodeDialogPane(m_factory);
        TestNodeAccess.setDialogFlowVariables(pane, m_inputVariables);
        TestNodeAccess.loadDialogSettings(pane, m_settings, specs);
        final NodeSettings saved = new NodeSettings("model");
        pane.finishEditingAndSaveSettingsTo(saved);
        final M fresh = m_factory.createNodeModel();
        TestNodeAccess.validateSettings(fresh, saved);
        TestNodeAccess.loadValidatedSettingsFrom(fresh, saved);
        return saved;
    }
}
