package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Double of KNIME's AbstractSimplePortObject: the content is a {@link ModelContent}, written as XML into the
 * zip entry {@code content.xml}; equality compares that content.
 */
public abstract class AbstractSimplePortObject implements PortObject {
    public AbstractSimplePortObject() {
    }

    protected abstract void save(ModelContentWO model, ExecutionMonitor exec) throws CanceledExecutionException;

    protected abstract void load(ModelContentRO model, PortObjectSpec spec, ExecutionMonitor exec)
        throws InvalidSettingsException, CanceledExecutionException;

    private String contentXml() {
        final ModelContent content = new ModelContent("model");
        try {
            save(content, new ExecutionMonitor());
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            content.saveToXML(bytes);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (CanceledExecutionException | IOException e) {
            throw new IllegalStateException("Cannot save " + getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(final Object obj) {
        return obj != null && obj.getClass() == getClass()
            && ((AbstractSimplePortObject)obj).contentXml().equals(contentXml());
    }

    @Override
    public int hashCode() {
        return contentXml().hashCode();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /** Serializer of all AbstractSimplePortObjects. */
    public abstract static class AbstractSimplePortObjectSerializer<T extends AbstractSimplePortObject>
        extends PortObjectSerializer<T> {
        public AbstractSimplePortObjectSerializer() {
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ModelContent content = new ModelContent("model.xml");
            content.addString("class_name", portObject.getClass().getName());
            portObject.save(content.addModelContent("model"), exec);
            out.putNextEntry(new ZipEntry("content.xml"));
            content.saveToXML(NonClosing.out(out));
            out.closeEntry();
        }

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException(
                    "Expected zip entry content.xml, found " + (entry == null ? "none" : entry.getName()));
            }
            final ModelContentRO content = ModelContent.loadFromXML(NonClosing.in(in));
            try {
                @SuppressWarnings("unchecked")
                final T result = (T)NonClosing.newInstance(content.getString("class_name"),
                    AbstractSimplePortObject.class);
                result.load(content.getModelContent("model"), spec, exec);
                return result;
            } catch (InvalidSettingsException e) {
                throw NonClosing.io("Cannot load port object", e);
            }
        }
    }
}
