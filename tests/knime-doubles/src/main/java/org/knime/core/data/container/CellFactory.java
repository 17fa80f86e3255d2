package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/** Double of KNIME's CellFactory: the new cells of one row for a {@link ColumnRearranger}. */
public interface CellFactory {
    /** Implement this or {@link #getCells(DataRow, long)}. */
    default DataCell[] getCells(final DataRow row) {
        throw new UnsupportedOperationException(
            getClass().getName() + " must implement getCells(DataRow) or getCells(DataRow, long)");
    }

    /** Called by the framework for every row; the index counts from 0. */
    default DataCell[] getCells(final DataRow row, final long rowIndex) {
        return getCells(row);
    }

    DataColumnSpec[] getColumnSpecs();

    @Deprecated
    void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor exec);

    /** Called after each row; {@code curRowNr} counts from 1. */
    default void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((int)Math.min(curRowNr, Integer.MAX_VALUE), (int)Math.min(rowCount, Integer.MAX_VALUE),
            lastKey, exec);
    }
}
