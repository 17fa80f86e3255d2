package org.gfe.knime.node.table;

import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;

/**
 * The new cells of a node for a chunk of rows at once (one solver or decoder pass per chunk instead of one per row).
 * The one piece of node logic both execution paths share: the non-streamed {@code execute} serves it to a
 * {@link ChunkedCellFactory} inside a column rearranger, the streamed operator calls it on chunks polled from the
 * stream ({@link StreamedChunks}). A row's cells may depend only on that row (and the node's inputs other than the
 * table), never on its chunk-mates or the chunk size, so both paths give the same table.
 */
@FunctionalInterface
public interface ChunkCells {

    /**
     * The new cells of each row, one array per row, as many cells as the {@link OutputLayout}'s new columns.
     *
     * @throws InvalidSettingsException for a cell the node cannot use, naming its row and column
     * @throws CanceledExecutionException if the user cancelled
     */
    DataCell[][] compute(List<DataRow> rows) throws InvalidSettingsException, CanceledExecutionException;
}
