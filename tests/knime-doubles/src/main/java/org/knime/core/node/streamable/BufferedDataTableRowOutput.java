package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;

/** Double of KNIME's BufferedDataTableRowOutput: pushed rows go into an open container; close() closes it. */
public class BufferedDataTableRowOutput extends RowOutput {
    private final BufferedDataContainer m_table;

    public BufferedDataTableRowOutput(final BufferedDataContainer bufferedDataContainer) {
        m_table = bufferedDataContainer;
    }

    @Override
    public void push(final DataRow row) throws InterruptedException {
        m_table.addRowToTable(row);
    }

    @Override
    public void close() {
        m_table.close();
    }

    /** The table; only after {@link #close()}. */
    public BufferedDataTable getDataTable() {
        return m_table.getTable();
    }
}
