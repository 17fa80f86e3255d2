package org.knime.core.node;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/** Double of KNIME's FlowVariableModel: which flow variable (if any) controls a setting of a dialog. */
public class FlowVariableModel {
    private final NodeDialogPane m_pane;

    private final String[] m_keys;

    private final VariableType<?> m_type;

    private String m_inputVariable;

    private String m_outputVariable;

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    FlowVariableModel(final NodeDialogPane pane, final String[] keys, final VariableType<?> type) {
        m_pane = pane;
        m_keys = keys.clone();
        m_type = type;
    }

    public String[] getKeys() {
        return m_keys.clone();
    }

    public VariableType<?> getVariableType() {
        return m_type;
    }

    @Deprecated
    public FlowVariable.Type getType() {
        return new FlowVariable("type", m_type).getType();
    }

    public String getInputVariableName() {
        return m_inputVariable;
    }

    public void setInputVariableName(final String variableName) {
        m_inputVariable = variableName;
        notifyChangeListeners();
    }

    public String getOutputVariableName() {
        return m_outputVariable;
    }

    public void setOutputVariableName(final String variableName) {
        m_outputVariable = variableName;
        notifyChangeListeners();
    }

    public boolean isVariableReplacementEnabled() {
        return m_inputVariable != null;
    }

    /** The controlling variable among those available to the dialog. */
    public Optional<FlowVariable> getVariableValue() {
        return m_inputVariable == null ? Optional.empty()
            : Optional.ofNullable(m_pane.getAvailableFlowVariables(m_type).get(m_inputVariable));
    }

    public void addChangeListener(final ChangeListener listener) {
        m_listeners.add(listener);
    }

    public void removeChangeListener(final ChangeListener listener) {
        m_listeners.remove(listener);
    }

    protected void notifyChangeListeners() {
        final ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }
}
