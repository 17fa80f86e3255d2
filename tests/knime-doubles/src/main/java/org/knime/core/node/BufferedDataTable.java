package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.filter.CloseableDataRowIterable;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * Double of KNIME's BufferedDataTable: an immutable in-memory table, created only through an
 * {@link ExecutionContext}. A table cleared with {@link ExecutionContext#clearTable} cannot be read any more.
 */
public final class BufferedDataTable implements DataTable, PortObject {
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private static final AtomicInteger IDS = new AtomicInteger();

    private final DataTableSpec m_spec;

    private final List<DataRow> m_rows;

    private final int m_id = IDS.incrementAndGet();

    private volatile boolean m_cleared;

    BufferedDataTable(final DataTableSpec spec, final List<DataRow> rows) {
        m_spec = spec;
        m_rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Copies a closed, in-memory table. */
    static BufferedDataTable copyOf(final DataTable table) {
        final List<DataRow> rows = new ArrayList<>();
        for (DataRow row : table) {
            rows.add(row);
        }
        return new BufferedDataTable(table.getDataTableSpec(), rows);
    }

    List<DataRow> rows() {
        checkNotCleared();
        return m_rows;
    }

    void clear() {
        m_cleared = true;
    }

    private void checkNotCleared() {
        if (m_cleared) {
            throw new IllegalStateException("Table " + m_id + " was cleared (ExecutionContext.clearTable) and "
                + "cannot be read any more");
        }
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_spec;
    }

    @Override
    public DataTableSpec getSpec() {
        return m_spec;
    }

    @Override
    public CloseableRowIterator iterator() {
        return CloseableRowIterator.from(rows().iterator());
    }

    /** {@link #filter(TableFilter, ExecutionMonitor)} without progress. */
    public CloseableDataRowIterable filter(final TableFilter filter) {
        return filter(filter, null);
    }

    /**
     * The rows of the filter's index range (inclusive; all rows if it has none), in order, each time the iterable is
     * iterated; {@code exec} (may be null) gets progress and a message per row, as KNIME's filtering iterator gives.
     * The filter is validated first (IndexOutOfBoundsException for a last row index not below {@link #size()} or an
     * unknown column index). Like KNIME's default (row-based) table backend, every row keeps all its cells: the
     * columns to materialize are a hint (only KNIME's columnar backend leaves the other cells unread).
     */
    public CloseableDataRowIterable filter(final TableFilter filter, final ExecutionMonitor exec) {
        if (filter == null) {
            throw new IllegalArgumentException("Argument must not be null");
        }
        filter.validate(m_spec, size());
        return () -> new RangeIterator(rows(), filter.getFromRowIndex().orElse(0L),
            filter.getToRowIndex().orElse(size() - 1), exec);
    }

    /**
     * Rows {@code from..to} (inclusive) of a list, with progress per row as KNIME reports it for an in-memory table:
     * "Row k/n (key)" at k/n, counted within the range.
     */
    private static final class RangeIterator extends CloseableRowIterator {
        private final List<DataRow> m_rows;

        private final long m_from;

        private final long m_to;

        private final ExecutionMonitor m_exec;

        private long m_index;

        private boolean m_closed;

        RangeIterator(final List<DataRow> rows, final long from, final long to, final ExecutionMonitor exec) {
            m_rows = rows;
            m_to = Math.min(to, rows.size() - 1L);
            m_exec = exec;
            m_from = from;
            m_index = from;
        }

        @Override
        public boolean hasNext() {
            return !m_closed && m_index <= m_to;
        }

        @Override
        public DataRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            final DataRow row = m_rows.get((int)m_index);
            m_index++;
            if (m_exec != null) {
                final long index = m_index - m_from;
                final long size = m_to - m_from + 1;
                m_exec.setProgress((double)index / size, () -> String.format("Row %,d/%,d (%s)", index, size, row.getKey()));
            }
            return row;
        }

        @Override
        public void close() {
            m_closed = true;
        }
    }

    public CloseableRowIterator iteratorFailProve() {
        return iterator();
    }

    @Deprecated
    public int getRowCount() {
        return m_rows.size();
    }

    public long size() {
        return m_rows.size();
    }

    public Integer getBufferedTableId() {
        return m_id;
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_rows.size() + ", Cols: " + m_spec.getNumColumns();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }
}
