package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
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
