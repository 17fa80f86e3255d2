package org.knime.core.node.config;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.node.config.base.ConfigBaseWO;

/** Double of KNIME's ConfigWO: {@link ConfigBaseWO} plus KNIME data types. */
public interface ConfigWO extends ConfigBaseWO {
    Config addConfig(String key);

    void addDataCell(String key, DataCell cell);

    void addDataCellArray(String key, DataCell... cells);

    void addDataType(String key, DataType type);

    void addDataTypeArray(String key, DataType... types);

    void addRowKey(String key, RowKey rowKey);

    void addRowKeyArray(String key, RowKey... rowKeys);
}
