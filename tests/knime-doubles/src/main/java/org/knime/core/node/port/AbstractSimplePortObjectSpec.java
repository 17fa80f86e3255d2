package org.knime.core.node.port;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

/**
 * Double of KNIME's AbstractSimplePortObjectSpec: the content is a {@link ModelContent}, written as XML into
 * the zip entry {@code content.xml}; equality compares that content.
 */
public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {
    public AbstractSimplePortObjectSpec() {
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    private String contentXml() {
        final ModelContent content = new ModelContent("model");
        save(content);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            content.saveToXML(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj != null && obj.getClass() == getClass()
            && ((AbstractSimplePortObjectSpec)obj).contentXml().equals(contentXml());
    }

    @Override
    public int hashCode() {
        return contentXml().hashCode();
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    /** Serializer of all AbstractSimplePortObjectSpecs. */
    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
        extends PortObjectSpecSerializer<T> {
        public AbstractSimplePortObjectSpecSerializer() {
        }

        @Override
        public void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            final ModelContent content = new ModelContent("specContent.xml");
            savePortObjectSpecToModelSettings(portObjectSpec, content);
            out.putNextEntry(new ZipEntry("content.xml"));
            content.saveToXML(NonClosing.out(out));
            out.closeEntry();
        }

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"content.xml".equals(entry.getName())) {
                throw new IOException(
                    "Expected zip entry content.xml, found " + (entry == null ? "none" : entry.getName()));
            }
            try {
                return loadPortObjectSpecFromModelSettings(ModelContent.loadFromXML(NonClosing.in(in)));
            } catch (ReflectiveOperationException e) {
                throw new IOException("Cannot create the spec: " + e, e);
            }
        }

        /** Reads a spec written by {@link #savePortObjectSpecToModelSettings}. */
        public static <T extends AbstractSimplePortObjectSpec> T loadPortObjectSpecFromModelSettings(
            final ModelContentRO model)
            throws IOException, ClassNotFoundException, InstantiationException, IllegalAccessException {
            try {
                @SuppressWarnings("unchecked")
                final T result =
                    (T)NonClosing.newInstance(model.getString("class_name"), AbstractSimplePortObjectSpec.class);
                result.load(model.getModelContent("model"));
                return result;
            } catch (InvalidSettingsException e) {
                throw NonClosing.io("Cannot load port object spec", e);
            }
        }

        public static <T extends AbstractSimplePortObjectSpec> void savePortObjectSpecToModelSettings(
            final T spec, final ModelContentWO model) {
            model.addString("class_name", spec.getClass().getName());
            spec.save(model.addModelContent("model"));
        }
    }
}
