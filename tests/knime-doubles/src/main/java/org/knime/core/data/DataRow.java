package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Double of KNIME's DataRow: a key and a fixed number of cells. */
public interface DataRow extends Iterable<DataCell> {
    DataCell getCell(int index);

    RowKey getKey();

    int getNumCells();

    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
