package org.knime.core.data;

/** Double of KNIME's RowKeyValue. */
public interface RowKeyValue {
    String getString();
}
