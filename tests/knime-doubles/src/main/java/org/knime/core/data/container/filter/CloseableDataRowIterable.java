package org.knime.core.data.container.filter;

import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;

/** Double of KNIME's CloseableDataRowIterable: rows to iterate (more than once), each time with a closeable iterator. */
public interface CloseableDataRowIterable extends Iterable<DataRow> {
    @Override
    CloseableRowIterator iterator();
}
