package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;

/** Double of KNIME's SingleCellFactory: one new cell per row. */
public abstract class SingleCellFactory extends AbstractCellFactory {
    public SingleCellFactory(final DataColumnSpec newColSpec) {
        super(newColSpec);
    }

    public SingleCellFactory(final boolean processConcurrently, final DataColumnSpec newColSpec) {
        super(processConcurrently, newColSpec);
    }

    public SingleCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec newColSpec) {
        super(processConcurrently, workerCount, maxQueueSize, newColSpec);
    }

    /** Implement this or {@link #getCell(DataRow, long)}. */
    public DataCell getCell(final DataRow row) {
        throw new UnsupportedOperationException(
            getClass().getName() + " must implement getCell(DataRow) or getCell(DataRow, long)");
    }

    public DataCell getCell(final DataRow row, final long rowIndex) {
        return getCell(row);
    }

    @Override
    public DataCell[] getCells(final DataRow row, final long rowIndex) {
        return new DataCell[]{getCell(row, rowIndex)};
    }
}
