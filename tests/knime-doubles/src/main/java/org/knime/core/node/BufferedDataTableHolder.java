package org.knime.core.node;

/** Double of KNIME's BufferedDataTableHolder: a node model that keeps tables as internals. */
public interface BufferedDataTableHolder {
    BufferedDataTable[] getInternalTables();

    void setInternalTables(BufferedDataTable[] tables);
}
