package org.knime.core.data.collection;

import org.knime.core.data.DataType;
import org.knime.core.data.DataValue;

/** Double of KNIME's CollectionDataValue. */
public interface CollectionDataValue extends DataValue, CellCollection {
    DataType getElementType();

    int size();
}
