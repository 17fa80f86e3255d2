package org.knime.core.data.collection;

import org.knime.core.data.DataCell;

/** Double of KNIME's CellCollection. */
public interface CellCollection extends Iterable<DataCell> {
    boolean containsBlobWrapperCells();
}
