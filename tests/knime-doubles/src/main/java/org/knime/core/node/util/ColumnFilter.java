package org.knime.core.node.util;

import org.knime.core.data.DataColumnSpec;

/** Double of KNIME's ColumnFilter. */
public interface ColumnFilter {
    boolean includeColumn(DataColumnSpec colSpec);

    /** Why no column is left, for dialogs and error messages. */
    String allFilteredMsg();
}
