package org.knime.core.node;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.message.Message;
import org.knime.core.node.message.MessageBuilder;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.MergeOperator;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortObjectOutput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.core.node.streamable.StreamableOperatorInternals;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/**
 * Double of KNIME's NodeModel. It keeps what the framework would show or pass on: the warning (a {@link Message},
 * and every warning set, for tests), the flow variables pushed, and the flow variables available at the input. The
 * harness (same package, test sources) drives the protected life-cycle methods as KNIME does. The streaming hooks
 * have KNIME's defaults: non-streamable, non-distributed ports and an operator that runs {@code execute}.
 */
public abstract class NodeModel implements AbstractNodeView.ViewableModel {
    private final PortType[] m_inTypes;

    private final PortType[] m_outTypes;

    private volatile Message m_warning;

    private final List<Message> m_warnings = new CopyOnWriteArrayList<>();

    private final Map<String, FlowVariable> m_inputVariables = Collections.synchronizedMap(new LinkedHashMap<>());

    private final Map<String, FlowVariable> m_pushed = Collections.synchronizedMap(new LinkedHashMap<>());

    private final CopyOnWriteArraySet<NodeModelWarningListener> m_listeners = new CopyOnWriteArraySet<>();

    protected NodeModel(final int nrInDataPorts, final int nrOutDataPorts) {
        this(tablePorts(nrInDataPorts), tablePorts(nrOutDataPorts));
    }

    protected NodeModel(final PortType[] inPortTypes, final PortType[] outPortTypes) {
        m_inTypes = check(inPortTypes, "in");
        m_outTypes = check(outPortTypes, "out");
    }

    private static PortType[] tablePorts(final int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Number of ports must not be negative: " + n);
        }
        final PortType[] out = new PortType[n];
        Arrays.fill(out, BufferedDataTable.TYPE);
        return out;
    }

    private static PortType[] check(final PortType[] types, final String what) {
        if (types == null) {
            throw new NullPointerException(what + "-port types must not be null");
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new NullPointerException(what + "-port type " + i + " must not be null");
            }
        }
        return types.clone();
    }

    // ---- life cycle (implemented by nodes) ----

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void reset();

    /** Calls {@link #configure(DataTableSpec[])} if all specs are table specs (as KNIME does). */
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec[] tables = new DataTableSpec[inSpecs.length];
        for (int i = 0; i < inSpecs.length; i++) {
            if (inSpecs[i] != null && !(inSpecs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException(getClass().getName() + " has non-table ports and must override "
                    + "configure(PortObjectSpec[])");
            }
            tables[i] = (DataTableSpec)inSpecs[i];
        }
        return configure(tables);
    }

    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw new InvalidSettingsException("NodeModel.configure() implementation missing!");
    }

    /** Calls {@link #execute(BufferedDataTable[], ExecutionContext)} if all inputs are tables. */
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable[] tables = new BufferedDataTable[inObjects.length];
        for (int i = 0; i < inObjects.length; i++) {
            if (inObjects[i] != null && !(inObjects[i] instanceof BufferedDataTable)) {
                throw new IllegalStateException(getClass().getName() + " has non-table ports and must override "
                    + "execute(PortObject[], ExecutionContext)");
            }
            tables[i] = (BufferedDataTable)inObjects[i];
        }
        return execute(tables, exec);
    }

    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        throw new IOException("NodeModel.execute() implementation missing!");
    }

    protected void onDispose() {
    }

    protected void saveDefaultViewSettingsTo(final NodeSettingsWO settings) {
    }

    protected void validateViewSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
    }

    // ---- ports ----

    protected final int getNrInPorts() {
        return m_inTypes.length;
    }

    protected final int getNrOutPorts() {
        return m_outTypes.length;
    }

    protected final PortType getInPortType(final int index) {
        return m_inTypes[index];
    }

    protected final PortType getOutPortType(final int index) {
        return m_outTypes[index];
    }

    // ---- warnings, logging, views ----

    /** Shown at the node; null clears it. Every non-null warning is also recorded for tests. */
    protected final void setWarningMessage(final String warningMessage) {
        setWarning(Message.builder().withSummary(warningMessage).build().orElse(null));
    }

    /** The summary of the current warning, or null. */
    protected final String getWarningMessage() {
        final Message warning = m_warning;
        return warning == null ? null : warning.getSummary();
    }

    /**
     * Sets (null: clears) the warning; listeners hear of a change. KNIME shows only the summary while the node
     * executes and the full message (resolutions, rendered issue) afterwards; the double keeps the full message.
     */
    protected final void setWarning(final Message message) {
        final Message old = m_warning;
        m_warning = message;
        if (message != null) {
            m_warnings.add(message);
        }
        if (!Objects.equals(message, old)) {
            for (NodeModelWarningListener l : m_listeners) {
                try {
                    l.warningChanged(message);
                } catch (RuntimeException e) {
                    getLogger().error("Exception while notifying NodeModel listeners", e);
                }
            }
        }
    }

    protected final Message getWarning() {
        return m_warning;
    }

    protected final MessageBuilder createMessageBuilder() {
        return Message.builder();
    }

    /** Ignored if already registered. */
    public void addWarningListener(final NodeModelWarningListener listener) {
        if (listener == null) {
            throw new NullPointerException("NodeModel message listener must not be null!");
        }
        m_listeners.add(listener);
    }

    public void removeWarningListener(final NodeModelWarningListener listener) {
        m_listeners.remove(listener);
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    protected final void notifyViews(final Object arg) {
        // views of the double are not registered
    }

    protected final void stateChanged() {
        // views of the double are not registered
    }

    // ---- streaming (KNIME's defaults) ----

    /** Every input non-distributed and non-streamable. */
    public InputPortRole[] getInputPortRoles() {
        final InputPortRole[] roles = new InputPortRole[getNrInPorts()];
        Arrays.fill(roles, InputPortRole.NONDISTRIBUTED_NONSTREAMABLE);
        return roles;
    }

    /** Every output non-distributed. */
    public OutputPortRole[] getOutputPortRoles() {
        final OutputPortRole[] roles = new OutputPortRole[getNrOutPorts()];
        Arrays.fill(roles, OutputPortRole.NONDISTRIBUTED);
        return roles;
    }

    /**
     * An operator that runs {@link #execute(PortObject[], ExecutionContext)} on the inputs' port objects (all inputs
     * are {@link PortObjectInput}s by the default roles) and fills the outputs: tables through
     * {@link RowOutput#setFully}, other port objects through {@link PortObjectOutput#setPortObject}. Only partition 0.
     */
    public StreamableOperator createStreamableOperator(final PartitionInfo partitionInfo,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final int partitionIndex = partitionInfo.getPartitionIndex();
        if (partitionIndex != 0) {
            throw new IllegalStateException("Default implementation of a streaming execution should not be "
                + "distributed (this appears to be partition " + partitionIndex + ")");
        }
        return new StreamableOperator() {
            @Override
            public void runFinal(final PortInput[] inputs, final PortOutput[] outputs, final ExecutionContext exec)
                throws Exception {
                final PortObject[] in = new PortObject[inputs.length];
                for (int i = 0; i < inputs.length; i++) {
                    if (inputs[i] != null) {
                        in[i] = ((PortObjectInput)inputs[i]).getPortObject();
                    }
                }
                final PortObject[] out = execute(in, exec);
                for (int i = 0; i < outputs.length; i++) {
                    if (out[i] == null) {
                        continue;
                    }
                    if (getOutPortType(i).equals(BufferedDataTable.TYPE)) {
                        ((RowOutput)outputs[i]).setFully((BufferedDataTable)out[i]);
                    } else {
                        ((PortObjectOutput)outputs[i]).setPortObject(out[i]);
                    }
                }
            }
        };
    }

    public StreamableOperatorInternals createInitialStreamableOperatorInternals() {
        return null;
    }

    public boolean iterate(final StreamableOperatorInternals internals) {
        return false;
    }

    /** The specs of {@link #configure(PortObjectSpec[])}. */
    public PortObjectSpec[] computeFinalOutputSpecs(final StreamableOperatorInternals internals,
        final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return configure(inSpecs);
    }

    /** None: inputs and outputs are not distributed. */
    public MergeOperator createMergeOperator() {
        return null;
    }

    /** Must be overridden by nodes that create a merge operator. */
    public void finishStreamableExecution(final StreamableOperatorInternals internals, final ExecutionContext exec,
        final PortOutput[] output) throws Exception {
        throw new IllegalStateException("Method must be implemented as a merge operator was created.");
    }

    // ---- flow variables ----

    private void push(final FlowVariable v) {
        FlowVariable.Scope.Flow.verifyName(v.getName());
        synchronized (m_pushed) {
            m_pushed.remove(v.getName());
            m_pushed.put(v.getName(), v);
        }
    }

    protected final <T> void pushFlowVariable(final String name, final VariableType<T> type, final T value) {
        push(new FlowVariable(name, type, value));
    }

    protected final void pushFlowVariableDouble(final String name, final double value) {
        push(new FlowVariable(name, value));
    }

    protected final void pushFlowVariableInt(final String name, final int value) {
        push(new FlowVariable(name, value));
    }

    protected final void pushFlowVariableString(final String name, final String value) {
        push(new FlowVariable(name, value));
    }

    private FlowVariable find(final String name) {
        final FlowVariable pushed = m_pushed.get(name);
        final FlowVariable v = pushed != null ? pushed : m_inputVariables.get(name);
        if (v == null) {
            throw new NoSuchElementException("No flow variable \"" + name + "\" (available: "
                + getAvailableFlowVariables().keySet() + ")");
        }
        return v;
    }

    /** The value of a pushed or input variable; NoSuchElementException if absent or of another type. */
    public final <T> T peekFlowVariable(final String name, final VariableType<T> type) {
        try {
            return find(name).getValue(type);
        } catch (IllegalArgumentException e) {
            throw new NoSuchElementException("Flow variable \"" + name + "\" is not of type " + type + ": "
                + e.getMessage());
        }
    }

    public final double peekFlowVariableDouble(final String name) {
        return peekFlowVariable(name, VariableType.DoubleType.INSTANCE);
    }

    public final int peekFlowVariableInt(final String name) {
        return peekFlowVariable(name, VariableType.IntType.INSTANCE);
    }

    public final String peekFlowVariableString(final String name) {
        return peekFlowVariable(name, VariableType.StringType.INSTANCE);
    }

    @Deprecated
    public final Map<String, FlowVariable> getAvailableFlowVariables() {
        final Map<String, FlowVariable> all = new LinkedHashMap<>(m_inputVariables);
        all.putAll(m_pushed);
        return all;
    }

    public final Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?>[] types) {
        return filter(getAvailableFlowVariables(), types);
    }

    public Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?> type,
        final VariableType<?>... otherTypes) {
        return getAvailableFlowVariables(join(type, otherTypes));
    }

    @Deprecated
    public final Map<String, FlowVariable> getAvailableInputFlowVariables() {
        return new LinkedHashMap<>(m_inputVariables);
    }

    public final Map<String, FlowVariable> getAvailableInputFlowVariables(final VariableType<?>[] types) {
        return filter(getAvailableInputFlowVariables(), types);
    }

    public Map<String, FlowVariable> getAvailableInputFlowVariables(final VariableType<?> type,
        final VariableType<?>... otherTypes) {
        return getAvailableInputFlowVariables(join(type, otherTypes));
    }

    private static VariableType<?>[] join(final VariableType<?> type, final VariableType<?>... others) {
        final List<VariableType<?>> all = new ArrayList<>();
        all.add(type);
        all.addAll(Arrays.asList(others));
        return all.toArray(new VariableType<?>[0]);
    }

    private static Map<String, FlowVariable> filter(final Map<String, FlowVariable> vars,
        final VariableType<?>[] types) {
        final Map<String, FlowVariable> out = new LinkedHashMap<>();
        for (FlowVariable v : vars.values()) {
            for (VariableType<?> t : types) {
                if (v.getVariableType().getSimpleType() == t.getSimpleType()) {
                    out.put(v.getName(), v);
                }
            }
        }
        return out;
    }

    // ---- for the harness (package-private) ----

    /** The summaries of every warning set since the model was created. */
    List<String> warningHistory() {
        return m_warnings.stream().map(Message::getSummary).toList();
    }

    /** Every warning set since the model was created, with resolutions and issues. */
    List<Message> warningMessageHistory() {
        return new ArrayList<>(m_warnings);
    }

    Map<String, FlowVariable> pushedFlowVariables() {
        synchronized (m_pushed) {
            return new LinkedHashMap<>(m_pushed);
        }
    }

    void clearPushedFlowVariables() {
        m_pushed.clear();
    }

    void setInputFlowVariables(final Map<String, FlowVariable> variables) {
        synchronized (m_inputVariables) {
            m_inputVariables.clear();
            m_inputVariables.putAll(variables);
        }
    }
}
