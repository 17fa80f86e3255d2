package org.knime.core.node.port;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/** A port object registered in the test plugin.xml. */
public final class TestPortObject extends AbstractPortObject {
    private String m_text;

    public TestPortObject() {
    }

    TestPortObject(final String text) {
        m_text = text;
    }

    String text() {
        return m_text;
    }

    @Override
    public Spec getSpec() {
        return new Spec();
    }

    @Override
    public String getSummary() {
        return m_text;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
        out.putNextEntry(new ZipEntry("text"));
        new DataOutputStream(out).writeUTF(m_text);
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        in.getNextEntry();
        m_text = new DataInputStream(in).readUTF();
    }

    /** Its serializer. */
    public static final class Serializer extends AbstractPortObjectSerializer<TestPortObject> {
    }

    /** Its spec (empty). */
    public static final class Spec extends AbstractSimplePortObjectSpec {
        @Override
        protected void save(final ModelContentWO model) {
        }

        @Override
        protected void load(final ModelContentRO model) throws InvalidSettingsException {
        }
    }

    /** The spec's serializer. */
    public static final class SpecSerializer extends AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer<Spec> {
    }
}
