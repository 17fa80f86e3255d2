package org.gfe.knime.node.table;

import java.util.List;
import java.util.function.Supplier;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Serves a {@link ChunkCells}' cells to a column rearranger, for the non-streamed execute: the node's cells are
 * computed a chunk of rows at a time, which is far cheaper per row (encoding and decoding through the network).
 *
 * <p>Why a look-ahead: a {@code ColumnRearranger} asks for one row's cells at a time and wants them at once, but a
 * chunk must be complete before it is computed. So the factory reads the table a second time through its own
 * {@link RowSource} (which should materialise only the columns the cells need: {@code BufferedDataTable.filter}),
 * at most one chunk ahead of the rearranger: when the rearranger asks for the first row of a chunk, the factory
 * polls the next {@code chunkSize} rows, computes their cells once and serves them in order (checking each row
 * key). The input columns pass through the rearranger untouched and at most one chunk of rows is held in memory. The
 * rearranger must process rows in order on one thread, which is why the factory does not enable parallel processing
 * (the work is parallel inside a chunk instead). A stream cannot be read twice; the streamed operator polls its
 * chunks from the stream itself ({@link StreamedChunks}) and calls the same {@link ChunkCells}.
 *
 * <p>Checked failures leave {@code getCells} wrapped in a {@link ChunkFailure}, which the node model unwraps. Call
 * {@link #close()} when the table is done (also after a failure).
 */
public final class ChunkedCellFactory extends AbstractCellFactory implements AutoCloseable {

    private final Supplier<RowSource> opener;
    private final int chunkSize;
    private final ChunkCells cells;
    private RowSource lookAhead;
    private List<DataRow> chunkRows = List.of();
    private DataCell[][] chunkCells = new DataCell[0][];
    private int next;

    /**
     * @param opener opens the look-ahead over the same rows the rearranger runs over (called at the first row)
     * @param chunkSize rows per chunk, at least 1
     * @param cells computes a chunk's cells
     * @param columns the new columns (as many as {@code cells} gives per row)
     */
    public ChunkedCellFactory(Supplier<RowSource> opener, int chunkSize, ChunkCells cells, DataColumnSpec... columns) {
        super(columns);
        if (chunkSize < 1) {
            throw new IllegalArgumentException("Chunk size must be at least 1, was " + chunkSize + ".");
        }
        this.opener = opener;
        this.chunkSize = chunkSize;
        this.cells = cells;
    }

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
    public void setProgress(long curRowNr, long rowCount, RowKey lastKey, ExecutionMonitor monitor) {
        // the ChunkCells report progress while a chunk is computed, finer than per row served
    }

    @Override
    public void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor monitor) {
        // as above
    }

    @Override
    public void afterProcessing() {
        close();
    }

    /** Closes the look-ahead. */
    @Override
    public void close() {
        if (lookAhead != null) {
            lookAhead.close();
            lookAhead = null;
        }
    }

    private void readChunk() {
        try {
            if (lookAhead == null) {
                lookAhead = opener.get();
            }
            List<DataRow> rows = lookAhead.nextChunk(chunkSize);
            if (rows.isEmpty()) {
                throw new IllegalStateException("The rearranger asked for more rows than the table has.");
            }
            DataCell[][] computed = cells.compute(rows);
            if (computed.length != rows.size()) {
                throw new IllegalStateException("A chunk of " + rows.size() + " rows gave cells for "
                        + computed.length + " rows.");
            }
            chunkRows = rows;
            chunkCells = computed;
            next = 0;
        } catch (InvalidSettingsException | CanceledExecutionException e) {
            throw new ChunkFailure(e);
        }
    }

    /** Carries a checked exception out of the rearranger; the node model rethrows {@link #getCause()}. */
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
