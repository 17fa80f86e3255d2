package org.gfe.knime.harness;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** Self-test source node: counts to "steps", reporting progress and checking cancellation at every step. */
final class CountingNodeModel extends NodeModel {
    static final DataTableSpec SPEC = new DataTableSpec(new String[]{"steps"}, new org.knime.core.data.DataType[]{IntCell.TYPE});

    final SettingsModelIntegerBounded m_steps = new SettingsModelIntegerBounded("steps", 10, 1, Integer.MAX_VALUE);

    /** The column name configure promises; anything but "steps" makes configure lie (harness self-test). */
    final org.knime.core.node.defaultnodesettings.SettingsModelString m_promised =
        new org.knime.core.node.defaultnodesettings.SettingsModelString("promised_column", "steps");

    /** Steps done by the last execution. */
    volatile int m_done;

    CountingNodeModel() {
        super(0, 1);
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
        return new DataTableSpec[]{new DataTableSpec(new String[]{m_promised.getStringValue()},
            new org.knime.core.data.DataType[]{IntCell.TYPE})};
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final int n = m_steps.getIntValue();
        m_done = 0;
        for (int i = 0; i < n; i++) {
            exec.checkCanceled();
            m_done = i + 1;
            exec.setProgress(m_done / (double)n, "step " + m_done);
        }
        final BufferedDataContainer c = exec.createDataContainer(SPEC);
        c.addRowToTable(new DefaultRow("Row0", new IntCell(m_done)));
        c.close();
        return new BufferedDataTable[]{c.getTable()};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_steps.saveSettingsTo(settings);
        m_promised.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_steps.validateSettings(settings);
        m_promised.validateSettings(settings);
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_steps.loadSettingsFrom(settings);
        m_promised.loadSettingsFrom(settings);
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) {
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) {
    }

    @Override
    protected void reset() {
        m_done = 0;
    }
}
