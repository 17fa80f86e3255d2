package org.knime.core.data;

import java.util.Iterator;

/** Double of KNIME's RowIterator: rows cannot be removed. */
public abstract class RowIterator implements Iterator<DataRow> {
    public RowIterator() {
    }

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();

    @Override
    public final void remove() {
        throw new UnsupportedOperationException("Rows of a KNIME table cannot be removed");
    }
}
