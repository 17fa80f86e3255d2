package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataTable;

/** Double of KNIME's RowOutput: rows pushed one at a time, then {@link #close()}. */
public abstract class RowOutput extends PortOutput {
    public abstract void push(DataRow row) throws InterruptedException;

    /** Pushes every row of the table, then closes: only valid if no row was pushed before. */
    public void setFully(final BufferedDataTable table) throws InterruptedException {
        for (DataRow r : table) {
            push(r);
        }
        close();
    }

    public abstract void close() throws InterruptedException;

    /** Thrown by push if no one consumes the output any more. */
    public static class OutputClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutputClosedException() {
        }
    }
}
