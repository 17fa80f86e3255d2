package org.knime.core.node.streamable;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

/** Stands in for KNIME's InactiveBranchPortObject (not modelled by the doubles): the object of an inactive output. */
final class InactivePortObject implements PortObject {
    static final InactivePortObject INSTANCE = new InactivePortObject();

    private InactivePortObject() {
    }

    @Override
    public String getSummary() {
        return "Inactive branch";
    }

    @Override
    public PortObjectSpec getSpec() {
        return null;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
