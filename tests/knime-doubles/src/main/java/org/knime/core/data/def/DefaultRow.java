package org.knime.core.data.def;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

/** Double of KNIME's DefaultRow: an immutable row of non-null cells. */
public class DefaultRow implements DataRow {
    private final RowKey m_key;

    private final DataCell[] m_cells;

    public DefaultRow(final RowKey rowKey, final DataCell... cells) {
        m_key = Objects.requireNonNull(rowKey, "Row key must not be null");
        m_cells = cells.clone();
        for (int i = 0; i < m_cells.length; i++) {
            if (m_cells[i] == null) {
                throw new NullPointerException(
                    "Cell " + i + " of row \"" + rowKey + "\" is null; use DataType.getMissingCell() instead");
            }
        }
    }

    public DefaultRow(final RowKey rowKey, final List<DataCell> cells) {
        this(rowKey, cells.toArray(new DataCell[0]));
    }

    public DefaultRow(final RowKey rowKey, final DataRow row) {
        this(rowKey, cellsOf(row));
    }

    public DefaultRow(final RowKey rowKey, final double... values) {
        this(rowKey, Arrays.stream(values).mapToObj(DoubleCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final RowKey rowKey, final int... values) {
        this(rowKey, Arrays.stream(values).mapToObj(IntCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final RowKey rowKey, final String... values) {
        this(rowKey, Arrays.stream(values).map(StringCell::new).toArray(DataCell[]::new));
    }

    public DefaultRow(final String rowKey, final DataCell... cells) {
        this(new RowKey(rowKey), cells);
    }

    public DefaultRow(final String rowKey, final List<DataCell> cells) {
        this(new RowKey(rowKey), cells);
    }

    public DefaultRow(final String rowKey, final DataRow row) {
        this(new RowKey(rowKey), row);
    }

    public DefaultRow(final String rowKey, final double... values) {
        this(new RowKey(rowKey), values);
    }

    public DefaultRow(final String rowKey, final int... values) {
        this(new RowKey(rowKey), values);
    }

    public DefaultRow(final String rowKey, final String... values) {
        this(new RowKey(rowKey), values);
    }

    private static DataCell[] cellsOf(final DataRow row) {
        final DataCell[] cells = new DataCell[row.getNumCells()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = row.getCell(i);
        }
        return cells;
    }

    @Override
    public final DataCell getCell(final int index) {
        return m_cells[index];
    }

    @Override
    public final RowKey getKey() {
        return m_key;
    }

    @Override
    public final int getNumCells() {
        return m_cells.length;
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_cells)).iterator();
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataRow)) {
            return false;
        }
        final DataRow o = (DataRow)obj;
        if (!m_key.equals(o.getKey()) || o.getNumCells() != m_cells.length) {
            return false;
        }
        for (int i = 0; i < m_cells.length; i++) {
            if (!m_cells[i].equals(o.getCell(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return m_key.hashCode() * 31 + Arrays.hashCode(m_cells);
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder(m_key.toString()).append(": (");
        for (int i = 0; i < m_cells.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(m_cells[i]);
        }
        return sb.append(')').toString();
    }
}
