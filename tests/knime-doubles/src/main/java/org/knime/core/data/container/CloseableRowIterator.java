package org.knime.core.data.container;

import java.io.Closeable;
import java.util.Collections;
import java.util.Iterator;

import org.knime.core.data.DataRow;
import org.knime.core.data.RowIterator;

/** Double of KNIME's CloseableRowIterator. */
public abstract class CloseableRowIterator extends RowIterator implements Closeable {
    public CloseableRowIterator() {
    }

    @Override
    public abstract void close();

    public static CloseableRowIterator empty() {
        return from(Collections.emptyIterator());
    }

    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator) {
        return from(iterator, null);
    }

    /** Iterates {@code iterator}; {@link #close()} closes {@code onClose} (if not null). */
    public static CloseableRowIterator from(final Iterator<? extends DataRow> iterator,
        final AutoCloseable onClose) {
        return new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public DataRow next() {
                return iterator.next();
            }

            @Override
            public void close() {
                if (onClose != null) {
                    try {
                        onClose.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Closing the row iterator failed: " + e.getMessage(), e);
                    }
                }
            }
        };
    }

    public static CloseableRowIterator wrap(final Iterator<? extends DataRow> iterator) {
        return iterator instanceof CloseableRowIterator ? (CloseableRowIterator)iterator : from(iterator);
    }
}
