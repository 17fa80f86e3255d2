package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowIterator;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;

/** Double of KNIME's DataTableRowInput: the rows of a table (the iterator is opened at construction). */
public class DataTableRowInput extends RowInput {
    private final DataTableSpec m_tableSpec;

    private final RowIterator m_iterator;

    private final long m_rowCount;

    public DataTableRowInput(final DataTable table) {
        m_tableSpec = table.getDataTableSpec();
        m_iterator = table.iterator();
        m_rowCount = table instanceof BufferedDataTable ? ((BufferedDataTable)table).size() : -1;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_tableSpec;
    }

    /** The next row, or null at the end. */
    @Override
    public DataRow poll() throws InterruptedException {
        return m_iterator.hasNext() ? m_iterator.next() : null;
    }

    @Override
    public void close() {
        if (m_iterator instanceof CloseableRowIterator) {
            ((CloseableRowIterator)m_iterator).close();
        }
    }

    /** The row count of a BufferedDataTable, else -1. */
    public long getRowCount() {
        return m_rowCount;
    }
}
