package org.knime.core.node.streamable;

/** Double of KNIME's PortInput: a {@link RowInput} or a {@link PortObjectInput}. */
public abstract class PortInput {
    /** False: an ordinary node is never called with inactive inputs. */
    public boolean isInactive() throws InterruptedException {
        return false;
    }
}
