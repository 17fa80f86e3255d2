package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Double of KNIME's BufferedDataContainer; create it with {@link ExecutionContext#createDataContainer}. */
public class BufferedDataContainer extends DataContainer {
    private BufferedDataTable m_table;

    BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    /** The table; the container must be closed. */
    @Override
    public synchronized BufferedDataTable getTable() {
        if (m_table == null) {
            m_table = BufferedDataTable.copyOf(super.getTable());
        }
        return m_table;
    }
}
