package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.workflow.FlowVariable;

/** Double of KNIME's SettingsModelFlowVariableCompatible: a model a flow variable can control. */
public interface SettingsModelFlowVariableCompatible {
    FlowVariable.Type getFlowVariableType();

    String getKey();
}
