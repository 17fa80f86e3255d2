package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;

/**
 * A cell factory that computes its cells a chunk of rows at a time, for work that is far cheaper per row in batches
 * (encoding and decoding through the network).
 *
 * <p>Why a look-ahead: a {@code ColumnRearranger} asks for one row's cells at a time and wants them at once, but a
 * chunk must be complete before it is computed. So the factory reads the same table a second time through its own
 * iterator, which runs at most one chunk ahead of the rearranger: when the rearranger asks for the first row of a
 * chunk, the factory reads the next {@code chunkSize} rows, computes their cells and then serves them in order
 * (checking each row key). The input columns pass through the rearranger untouched and at most one chunk of rows is
 * held in memory, so a table of any size streams. The rearranger must process rows in order on one thread, which
 * is why the factory does not enable parallel processing (the work is parallel inside a chunk instead).
 *
 * <p>{@link #computeChunk} may throw only unchecked exceptions; wrap checked ones in {@link ChunkFailure}, which the
 * node model unwraps. Call {@link #close()} when the table is done (also after a failure).
 */
public abstract class ChunkedCellFactory extends AbstractCellFactory implements AutoCloseable {

    private final BufferedDataTable table;
    private final int chunkSize;
    private CloseableRowIterator lookAhead;
    private List<DataRow> chunkRows = List.of();
    private DataCell[][] chunkCells = new DataCell[0][];
    private int next;

    /**
     * @param table the table the rearranger runs over; null for a factory that only describes the new columns
     *            (configure)
     * @param chunkSize rows per chunk, at least 1
     * @param columns the appended columns
     */
    protected ChunkedCellFactory(BufferedDataTable table, int chunkSize, DataColumnSpec... columns) {
        super(columns);
        if (chunkSize < 1) {
            throw new IllegalArgumentException("Chunk size must be at least 1, was " + chunkSize + ".");
        }
        this.table = table;
        this.chunkSize = chunkSize;
    }

    /** The cells of each row of the chunk (one array per row, as many cells as appended columns). */
    protected abstract DataCell[][] computeChunk(List<DataRow> rows);

    @Override
    public DataCell[] getCells(DataRow row) {
        if (next == chunkCells.length) {
            readChunk();
        }
        DataRow expected = chunkRows.get(next);
        if (!expected.getKey().equals(row.getKey())) {
            throw new IllegalStateException("Rows arrived out of order: expected row '" + expected.getKey()
                    + "' but got '" + row.getKey() + "'. The table must be processed in order on one thread.");
        }
        return chunkCells[next++];
    }

    @Override
    public DataCell[] getCells(DataRow row, long rowIndex) {
        return getCells(row);
    }

    @Override
    public void afterProcessing() {
        close();
    }

    /** Closes the look-ahead iterator. */
    @Override
    public void close() {
        if (lookAhead != null) {
            lookAhead.close();
            lookAhead = null;
        }
    }

    private void readChunk() {
        if (table == null) {
            throw new IllegalStateException("This cell factory only describes columns; give it the table to compute"
                    + " cells.");
        }
        if (lookAhead == null) {
            lookAhead = table.iterator();
        }
        List<DataRow> rows = new ArrayList<>(chunkSize);
        while (rows.size() < chunkSize && lookAhead.hasNext()) {
            rows.add(lookAhead.next());
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("The rearranger asked for more rows than the table has.");
        }
        DataCell[][] cells = computeChunk(rows);
        if (cells.length != rows.size()) {
            throw new IllegalStateException("A chunk of " + rows.size() + " rows gave cells for " + cells.length
                    + " rows.");
        }
        chunkRows = rows;
        chunkCells = cells;
        next = 0;
    }

    /** Carries a checked exception out of {@link #computeChunk}; the node model rethrows {@link #getCause()}. */
    public static final class ChunkFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ChunkFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }

        /**
         * What a node should throw for a failure that came out of a rearranger: the checked exception carried by a
         * {@link ChunkFailure} anywhere in the cause chain (KNIME may wrap it), else the failure itself.
         */
        public static Exception unwrap(RuntimeException failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ChunkFailure chunk && chunk.getCause() instanceof Exception cause) {
                    return cause;
                }
            }
            return failure;
        }
    }
}
