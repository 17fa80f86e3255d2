package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/**
 * Double of KNIME's AbstractPortObject: the serializer writes a {@code meta.xml} entry with the class name, then
 * lets the object write its own entries; loading creates the object with its public no-argument constructor.
 */
public abstract class AbstractPortObject implements PortObject {
    public AbstractPortObject() {
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
        throws IOException, CanceledExecutionException;

    /** Serializer of all AbstractPortObjects. */
    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
        extends PortObjectSerializer<T> {
        public AbstractPortObjectSerializer() {
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            out.putNextEntry(new ZipEntry("meta.xml"));
            final ModelContent meta = new ModelContent("meta.xml");
            meta.addInt("version", 1);
            meta.addString("class_name", portObject.getClass().getName());
            meta.saveToXML(NonClosing.out(out));
            out.closeEntry();
            portObject.save(out, exec);
        }

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) throws IOException, CanceledExecutionException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"meta.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry meta.xml, found " + (entry == null ? "none" : entry.getName()));
            }
            final ModelContentRO meta = ModelContent.loadFromXML(NonClosing.in(in));
            final String className;
            try {
                className = meta.getString("class_name");
            } catch (InvalidSettingsException e) {
                throw NonClosing.io("No class name in meta.xml", e);
            }
            @SuppressWarnings("unchecked")
            final T result = (T)NonClosing.newInstance(className, AbstractPortObject.class);
            result.load(in, spec, exec);
            return result;
        }
    }
}
