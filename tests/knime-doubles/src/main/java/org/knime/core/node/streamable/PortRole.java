package org.knime.core.node.streamable;

/** Double of KNIME's PortRole: whether a port's data may be processed in partitions. */
public class PortRole {
    private final boolean m_isDistributable;

    PortRole(final boolean isDistributable) {
        m_isDistributable = isDistributable;
    }

    public boolean isDistributable() {
        return m_isDistributable;
    }
}
