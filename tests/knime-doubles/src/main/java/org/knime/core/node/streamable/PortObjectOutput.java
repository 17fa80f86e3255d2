package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/** Double of KNIME's PortObjectOutput: a non-table output, set at once. */
public class PortObjectOutput extends PortOutput {
    private PortObject m_portObject;

    public PortObjectOutput() {
    }

    public void setPortObject(final PortObject portObject) {
        m_portObject = portObject;
    }

    public PortObject getPortObject() {
        return m_portObject;
    }

    /** The output becomes KNIME's inactive-branch object (here {@link InactivePortObject}). */
    @Override
    public void setInactive() {
        m_portObject = InactivePortObject.INSTANCE;
    }
}
