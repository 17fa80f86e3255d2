package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.streamable.RowInput;

/**
 * Rows one at a time from a table or a stream, read in chunks: the same polling for a table's (column-filtered)
 * iterator and for KNIME's streaming {@code RowInput}.
 */
public interface RowSource extends AutoCloseable {

    /** The next row, or null after the last. */
    DataRow poll() throws CanceledExecutionException;

    /** Releases the source (closes the iterator or the stream's input). */
    @Override
    void close();

    /**
     * Up to {@code size} rows (fewer only at the end; empty after the last).
     *
     * @throws IllegalArgumentException for a size below 1
     */
    default List<DataRow> nextChunk(int size) throws CanceledExecutionException {
        if (size < 1) {
            throw new IllegalArgumentException("Chunk size must be at least 1, was " + size + ".");
        }
        List<DataRow> rows = new ArrayList<>(Math.min(size, 1024));
        DataRow row;
        while (rows.size() < size && (row = poll()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /**
     * A source over KNIME's streaming input. An interrupt while waiting for the next row (KNIME's streaming executor
     * interrupts on cancel) becomes a {@link CanceledExecutionException}.
     */
    static RowSource of(RowInput input) {
        return new RowSource() {
            @Override
            public DataRow poll() throws CanceledExecutionException {
                try {
                    return input.poll();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CanceledExecutionException("Cancelled while waiting for the next row of the stream.");
                }
            }

            @Override
            public void close() {
                input.close();
            }
        };
    }

    /** A source over a table's row iterator. */
    static RowSource of(CloseableRowIterator iterator) {
        return new RowSource() {
            @Override
            public DataRow poll() {
                return iterator.hasNext() ? iterator.next() : null;
            }

            @Override
            public void close() {
                iterator.close();
            }
        };
    }
}
