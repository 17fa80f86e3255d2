package org.gfe.knime.harness;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Self-test port object: mean and count of a column, written as a binary zip entry. */
public final class ColumnStatsPortObject extends AbstractPortObject {
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ColumnStatsPortObject.class);

    private ColumnStatsSpec m_spec;

    private double m_mean;

    private long m_count;

    /** For the serializer. */
    public ColumnStatsPortObject() {
    }

    ColumnStatsPortObject(final ColumnStatsSpec spec, final double mean, final long count) {
        m_spec = spec;
        m_mean = mean;
        m_count = count;
    }

    double mean() {
        return m_mean;
    }

    long count() {
        return m_count;
    }

    @Override
    public ColumnStatsSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return "mean of " + m_spec.column() + " = " + m_mean;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry("stats.bin"));
        final DataOutputStream data = new DataOutputStream(out);
        data.writeDouble(m_mean);
        data.writeLong(m_count);
        data.flush();
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        final ZipEntry e = in.getNextEntry();
        if (e == null || !e.getName().equals("stats.bin")) {
            throw new IOException("Expected entry stats.bin, found " + (e == null ? "none" : e.getName()));
        }
        final DataInputStream data = new DataInputStream(in);
        m_mean = data.readDouble();
        m_count = data.readLong();
        m_spec = (ColumnStatsSpec)spec;
    }

    /** Legacy registration (the test port type is not in any plugin.xml). */
    public static AbstractPortObjectSerializer<ColumnStatsPortObject> getPortObjectSerializer() {
        return new AbstractPortObjectSerializer<ColumnStatsPortObject>() {
        };
    }
}
