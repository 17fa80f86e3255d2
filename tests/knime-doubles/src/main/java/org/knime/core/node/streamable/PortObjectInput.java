package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

/** Double of KNIME's PortObjectInput: a non-streamed input, the whole port object at once. */
public class PortObjectInput extends PortInput {
    private final PortObject m_portObject;

    public PortObjectInput(final PortObject portObject) {
        m_portObject = portObject;
    }

    public PortObject getPortObject() {
        return m_portObject;
    }

    @Override
    public boolean isInactive() {
        return m_portObject instanceof InactivePortObject;
    }
}
