package org.gfe.knime.harness;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/** Spec of the self-test port: which column the statistics are about. */
public final class ColumnStatsSpec extends AbstractSimplePortObjectSpec {
    private String m_column;

    /** For the serializer. */
    public ColumnStatsSpec() {
    }

    ColumnStatsSpec(final String column) {
        m_column = column;
    }

    String column() {
        return m_column;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("column", m_column);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_column = model.getString("column");
    }

    /** Legacy registration (the test port type is not in any plugin.xml). */
    public static AbstractSimplePortObjectSpecSerializer<ColumnStatsSpec> getPortObjectSpecSerializer() {
        return new AbstractSimplePortObjectSpecSerializer<ColumnStatsSpec>() {
        };
    }
}
