package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/** Double of KNIME's RowAppender. */
public interface RowAppender {
    void addRowToTable(DataRow row);
}
