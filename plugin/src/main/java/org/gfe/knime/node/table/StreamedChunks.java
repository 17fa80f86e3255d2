package org.gfe.knime.node.table;

import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;

/**
 * The streamed execution of a {@link ChunkCells}: polls up to {@code chunkSize} rows from KNIME's {@link RowInput}
 * (fewer only at the end of the stream), computes their cells in one go, pushes the output rows (laid out by the
 * {@link OutputLayout}, as the non-streamed rearranger lays them out) and goes on with the next chunk, so at most one
 * chunk is held and the downstream node gets rows while upstream still produces them. Cancellation is checked between
 * chunks, inside the computation (the ChunkCells' progress) and while waiting for rows.
 */
public final class StreamedChunks {

    private StreamedChunks() {
    }

    /** Runs the whole stream; closes the input, and the output after the last row. */
    public static void run(RowInput input, RowOutput output, int chunkSize, ChunkCells cells, OutputLayout layout,
            ExecutionContext exec) throws Exception {
        try (RowSource source = RowSource.of(input)) {
            List<DataRow> rows;
            while (!(rows = source.nextChunk(chunkSize)).isEmpty()) {
                exec.checkCanceled();
                DataCell[][] computed = cells.compute(rows);
                for (int i = 0; i < rows.size(); i++) {
                    push(output, layout.row(rows.get(i), computed[i]));
                }
            }
        }
        output.close();
    }

    private static void push(RowOutput output, DataRow row) throws CanceledExecutionException {
        try {
            output.push(row);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledExecutionException("Cancelled while handing a row to the next node.");
        }
    }
}
