package org.knime.core.node.streamable;

/** Double of KNIME's PortOutput: a {@link RowOutput} or a {@link PortObjectOutput}. */
public abstract class PortOutput {
    /** Does nothing here; a {@link PortObjectOutput} becomes inactive. */
    public void setInactive() {
        // as KNIME: only overridden where it means something
    }
}
