package org.gfe.knime.harness;

import java.util.List;
import java.util.Map;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModel;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/**
 * What one {@link NodeHarness#execute} produced: the outputs (read back through their serializers, as the next
 * node would see them after a save/load, unless round trips are off), the original outputs, the specs configure
 * promised, warnings, pushed flow variables, progress, and the model reloaded from the saved internals.
 */
public final class ExecutionResult<M extends NodeModel> {
    private final PortObject[] m_outputs;

    private final PortObject[] m_originals;

    private final PortObjectSpec[] m_configured;

    private final List<String> m_specMismatches;

    private final List<String> m_otherSpecDifferences;

    private final String m_warning;

    private final List<String> m_warnings;

    private final Map<String, FlowVariable> m_flowVariables;

    private final ExecutionProbe m_probe;

    private final M m_reloaded;

    ExecutionResult(final PortObject[] outputs, final PortObject[] originals, final PortObjectSpec[] configured,
        final List<String> specMismatches, final List<String> otherSpecDifferences, final String warning, final List<String> warnings,
        final Map<String, FlowVariable> flowVariables, final ExecutionProbe probe, final M reloaded) {
        m_outputs = outputs;
        m_originals = originals;
        m_configured = configured;
        m_specMismatches = List.copyOf(specMismatches);
        m_otherSpecDifferences = List.copyOf(otherSpecDifferences);
        m_warning = warning;
        m_warnings = List.copyOf(warnings);
        m_flowVariables = Map.copyOf(flowVariables);
        m_probe = probe;
        m_reloaded = reloaded;
    }

    public int outputCount() {
        return m_outputs.length;
    }

    /** Output {@code port} (as read back through its serializer). */
    public PortObject port(final int port) {
        return m_outputs[port];
    }

    public <T extends PortObject> T port(final int port, final Class<T> type) {
        if (!type.isInstance(m_outputs[port])) {
            throw new IllegalStateException("Output " + port + " is a " + m_outputs[port].getClass().getName()
                + ", not a " + type.getName());
        }
        return type.cast(m_outputs[port]);
    }

    public BufferedDataTable table(final int port) {
        return port(port, BufferedDataTable.class);
    }

    /** Output {@code port} as execute returned it (before the serializer round trip). */
    public PortObject original(final int port) {
        return m_originals[port];
    }

    /** The specs configure returned just before execute (null where configure could not tell). */
    public PortObjectSpec configuredSpec(final int port) {
        return m_configured[port];
    }

    /**
     * Table outputs whose executed spec has other column names or types than configure promised (the check KNIME
     * makes; domains may differ). Empty if configure told the truth.
     */
    public List<String> specMismatches() {
        return m_specMismatches;
    }

    /** Non-table outputs whose executed spec is not {@code equals} to the configured one (KNIME does not check). */
    public List<String> otherSpecDifferences() {
        return m_otherSpecDifferences;
    }

    /** The warning shown at the node after execution, or null. */
    public String warning() {
        return m_warning;
    }

    /** Every warning set during configure and execute, in order. */
    public List<String> warnings() {
        return m_warnings;
    }

    /** Flow variables pushed during execution, by name. */
    public Map<String, FlowVariable> flowVariables() {
        return m_flowVariables;
    }

    public double flowVariableDouble(final String name) {
        return variable(name).getValue(VariableType.DoubleType.INSTANCE);
    }

    public int flowVariableInt(final String name) {
        return variable(name).getValue(VariableType.IntType.INSTANCE);
    }

    public String flowVariableString(final String name) {
        return variable(name).getValue(VariableType.StringType.INSTANCE);
    }

    private FlowVariable variable(final String name) {
        final FlowVariable v = m_flowVariables.get(name);
        if (v == null) {
            throw new IllegalStateException("No flow variable \"" + name + "\" was pushed; pushed: "
                + m_flowVariables.keySet());
        }
        return v;
    }

    public List<ProgressEvent> progress() {
        return m_probe.progress();
    }

    /** The probe that watched the execution (checkpoint counts). */
    public ExecutionProbe probe() {
        return m_probe;
    }

    /** A fresh model of the same factory with the settings and the internals the executed model saved. */
    public M reloadedModel() {
        return m_reloaded;
    }
}
