package org.gfe.knime.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.SingleCellFactory;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Self-test node: appends "column × factor (+ offset flow variable)" through a ColumnRearranger and outputs the
 * mean of the new column as a {@link ColumnStatsPortObject}. Missing cells stay missing and give a warning.
 * Setting "round" was added "later": settings without it load with the default.
 */
final class ScaleNodeModel extends NodeModel {
    static final String CFG_COLUMN = "column";

    static final String CFG_FACTOR = "factor";

    static final String CFG_PARALLEL = "parallel";

    static final String CFG_ROUND = "round";

    final SettingsModelString m_column = new SettingsModelString(CFG_COLUMN, "x");

    final SettingsModelDoubleBounded m_factor = new SettingsModelDoubleBounded(CFG_FACTOR, 2.0, -1000, 1000);

    final SettingsModelBoolean m_parallel = new SettingsModelBoolean(CFG_PARALLEL, false);

    final SettingsModelBoolean m_round = new SettingsModelBoolean(CFG_ROUND, false);

    /** What loadInternals read (for the internals round trip test). */
    volatile Double m_loadedMean;

    private volatile Double m_mean;

    /** Threads that computed cells (to prove parallel processing). */
    final java.util.Set<String> m_cellThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ScaleNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE, ColumnStatsPortObject.TYPE});
    }

    private ColumnRearranger rearranger(final DataTableSpec in, final double offset, final AtomicLong missing)
        throws InvalidSettingsException {
        final String column = m_column.getStringValue();
        final int idx = in.findColumnIndex(column);
        if (idx < 0) {
            throw new InvalidSettingsException("Column \"" + column + "\" not found in the input; choose one of "
                + java.util.Arrays.toString(in.getColumnNames()));
        }
        if (!in.getColumnSpec(idx).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("Column \"" + column + "\" is not numeric");
        }
        final DataColumnSpec out = new DataColumnSpecCreator(
            DataTableSpec.getUniqueColumnName(in, column + " scaled"), DoubleCell.TYPE).createSpec();
        final double factor = m_factor.getDoubleValue();
        final boolean round = m_round.getBooleanValue();
        final ColumnRearranger r = new ColumnRearranger(in);
        r.append(new SingleCellFactory(m_parallel.getBooleanValue(), 3, 6, out) {
            @Override
            public DataCell getCell(final DataRow row) {
                m_cellThreads.add(Thread.currentThread().getName());
                final DataCell cell = row.getCell(idx);
                if (cell.isMissing()) {
                    missing.incrementAndGet();
                    return DataType.getMissingCell();
                }
                final double v = ((DoubleValue)cell).getDoubleValue() * factor + offset;
                return new DoubleCell(round ? Math.rint(v) : v);
            }
        });
        return r;
    }

    @Override
    protected PortObjectSpec[] configure(final PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = (DataTableSpec)inSpecs[0];
        return new PortObjectSpec[]{rearranger(in, 0, new AtomicLong()).createSpec(),
            new ColumnStatsSpec(m_column.getStringValue())};
    }

    @Override
    protected PortObject[] execute(final PortObject[] inObjects, final ExecutionContext exec) throws Exception {
        final BufferedDataTable in = (BufferedDataTable)inObjects[0];
        final double offset = getAvailableFlowVariables().containsKey("offset") ? peekFlowVariableDouble("offset") : 0;
        final AtomicLong missing = new AtomicLong();
        final BufferedDataTable out = exec.createColumnRearrangeTable(in,
            rearranger(in.getDataTableSpec(), offset, missing), exec.createSubProgress(0.9));
        if (missing.get() > 0) {
            setWarningMessage(missing.get() + " rows have a missing value in column \"" + m_column.getStringValue()
                + "\"");
        }
        double sum = 0;
        long n = 0;
        final int idx = out.getDataTableSpec().getNumColumns() - 1;
        for (DataRow row : out) {
            exec.checkCanceled();
            if (!row.getCell(idx).isMissing()) {
                sum += ((DoubleValue)row.getCell(idx)).getDoubleValue();
                n++;
            }
        }
        exec.setProgress(1.0, "done");
        m_mean = n == 0 ? Double.NaN : sum / n;
        pushFlowVariableInt("scaled_rows", (int)n);
        pushFlowVariableDouble("scale_factor", m_factor.getDoubleValue());
        return new PortObject[]{out, new ColumnStatsPortObject(new ColumnStatsSpec(m_column.getStringValue()),
            m_mean, n)};
    }

    @Override
    protected void saveSettingsTo(final NodeSettingsWO settings) {
        m_column.saveSettingsTo(settings);
        m_factor.saveSettingsTo(settings);
        m_parallel.saveSettingsTo(settings);
        m_round.saveSettingsTo(settings);
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.validateSettings(settings);
        m_factor.validateSettings(settings);
        m_parallel.validateSettings(settings);
        if (settings.containsKey(CFG_ROUND)) {
            m_round.validateSettings(settings);
        }
    }

    @Override
    protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        m_column.loadSettingsFrom(settings);
        m_factor.loadSettingsFrom(settings);
        m_parallel.loadSettingsFrom(settings);
        if (settings.containsKey(CFG_ROUND)) {
            m_round.loadSettingsFrom(settings);
        } else {
            m_round.setBooleanValue(false);
        }
    }

    @Override
    protected void saveInternals(final File dir, final ExecutionMonitor exec) throws IOException {
        Files.writeString(new File(dir, "mean.txt").toPath(), String.valueOf(m_mean), StandardCharsets.UTF_8);
    }

    @Override
    protected void loadInternals(final File dir, final ExecutionMonitor exec) throws IOException {
        m_loadedMean = Double.valueOf(Files.readString(new File(dir, "mean.txt").toPath(), StandardCharsets.UTF_8));
    }

    @Override
    protected void reset() {
        m_mean = null;
    }

    Double mean() {
        return m_mean;
    }
}
