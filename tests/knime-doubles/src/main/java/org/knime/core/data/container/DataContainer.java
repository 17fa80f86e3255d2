package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Double of KNIME's DataContainer, kept in memory. Like KNIME it rejects rows with the wrong number of cells,
 * cells whose type the column cannot hold, null cells and duplicate row keys, and computes the column domains
 * when it is closed.
 */
public class DataContainer implements RowAppender, RowFlushable {
    @Deprecated
    public static final int MAX_CELLS_IN_MEMORY = Integer.getInteger("org.knime.container.cellsinmemory", 5000);

    @Deprecated
    public static final int MAX_POSSIBLE_VALUES = Integer.getInteger("knime.domain.valuecount", 60);

    public static final int NOT_IN_WORKFLOW_BUFFER = -1;

    private final DataTableSpec m_spec;

    private final DomainTracker[] m_domains;

    private final List<DataRow> m_rows = new ArrayList<>();

    private final Set<String> m_keys = new HashSet<>();

    private final boolean m_initDomain;

    private DataTable m_table;

    public DataContainer(final DataTableSpec spec) {
        this(spec, false);
    }

    /** {@code initDomain}: start from the domains in {@code spec} (true) or from empty domains (false). */
    public DataContainer(final DataTableSpec spec, final boolean initDomain) {
        if (spec == null) {
            throw new NullPointerException("The spec of a data container must not be null");
        }
        m_spec = spec;
        m_initDomain = initDomain;
        m_domains = new DomainTracker[spec.getNumColumns()];
        for (int i = 0; i < m_domains.length; i++) {
            m_domains[i] = new DomainTracker(spec.getColumnSpec(i), initDomain, MAX_POSSIBLE_VALUES);
        }
    }

    @Deprecated
    public DataContainer(final DataTableSpec spec, final boolean initDomain, final int maxCellsInMemory) {
        this(spec, initDomain);
    }

    @Override
    public synchronized void addRowToTable(final DataRow row) {
        if (m_table != null) {
            throw new IllegalStateException("Cannot add row \"" + (row == null ? null : row.getKey())
                + "\": the container is closed");
        }
        if (row == null) {
            throw new NullPointerException("Cannot add a null row to a container");
        }
        final String key = row.getKey().getString();
        if (row.getNumCells() != m_spec.getNumColumns()) {
            throw new IllegalArgumentException("Row \"" + key + "\" has " + row.getNumCells() + " cells but the table "
                + "has " + m_spec.getNumColumns() + " columns " + java.util.Arrays.toString(m_spec.getColumnNames()));
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            final DataCell cell = row.getCell(i);
            final DataColumnSpec col = m_spec.getColumnSpec(i);
            if (cell == null) {
                throw new NullPointerException("Cell " + i + " (column \"" + col.getName() + "\") of row \"" + key
                    + "\" is null; use DataType.getMissingCell()");
            }
            final DataType cellType = cell.getType();
            if (!col.getType().isASuperTypeOf(cellType)) {
                throw new IllegalArgumentException("Cell of type \"" + cellType + "\" in row \"" + key + "\" does not "
                    + "fit column \"" + col.getName() + "\" of type \"" + col.getType() + "\"");
            }
        }
        if (!m_keys.add(key)) {
            throw new IllegalArgumentException(
                "Encountered duplicate row ID \"" + key + "\" at row number " + (m_rows.size() + 1));
        }
        for (int i = 0; i < row.getNumCells(); i++) {
            m_domains[i].add(row.getCell(i));
        }
        m_rows.add(row);
    }

    /** Finishes the table; the spec gets the computed domains. Closing twice is allowed. */
    public synchronized void close() {
        if (m_table != null) {
            return;
        }
        final DataColumnSpec[] cols = new DataColumnSpec[m_domains.length];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = m_domains[i].createSpec();
        }
        m_table = new InMemoryTable(new DataTableSpec(m_spec.getName(), cols), new ArrayList<>(m_rows));
    }

    public synchronized boolean isClosed() {
        return m_table != null;
    }

    public synchronized boolean isOpen() {
        return m_table == null;
    }

    /** The table; the container must be closed. */
    public synchronized DataTable getTable() {
        if (m_table == null) {
            throw new IllegalStateException("Cannot get the table: the container is not closed (call close())");
        }
        return m_table;
    }

    /** The final spec (with domains) once closed, the spec it was created with before. */
    public synchronized DataTableSpec getTableSpec() {
        return m_table == null ? m_spec : m_table.getDataTableSpec();
    }

    public synchronized long size() {
        return m_rows.size();
    }

    @Override
    public void flushRows() {
        // nothing is buffered
    }

    @Deprecated
    public synchronized void dispose() {
        m_rows.clear();
    }

    /** Takes effect if no row was added yet. */
    @Deprecated
    public synchronized void setMaxPossibleValues(final int maxPossibleValues) {
        if (m_rows.isEmpty()) {
            for (int i = 0; i < m_domains.length; i++) {
                m_domains[i] = new DomainTracker(m_spec.getColumnSpec(i), m_initDomain, maxPossibleValues);
            }
        }
    }

    /** Copies {@code table} into memory, checking for cancellation after every row. */
    public static DataTable cache(final DataTable table, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final DataContainer c = new DataContainer(table.getDataTableSpec(), true);
        for (DataRow row : table) {
            exec.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    public static DataTable cache(final DataTable table, final ExecutionMonitor exec, final int maxCellsInMemory)
        throws CanceledExecutionException {
        return cache(table, exec);
    }
}
