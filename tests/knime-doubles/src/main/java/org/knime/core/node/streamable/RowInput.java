package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;

/**
 * Double of KNIME's RowInput: rows one at a time ({@link #poll()} returns null at the end), then {@link #close()}.
 * KNIME 5.3's {@code asCursor()} (a RowCursor view) is not in the double: its RowRead type is not modelled.
 */
public abstract class RowInput extends PortInput {
    public abstract DataTableSpec getDataTableSpec();

    public abstract DataRow poll() throws InterruptedException;

    public abstract void close();
}
