package org.knime.core.data.container;

/** Double of KNIME's RowFlushable. */
public interface RowFlushable {
    void flushRows();
}
