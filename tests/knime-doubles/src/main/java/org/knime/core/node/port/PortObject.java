package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** Double of KNIME's PortObject: the data that flows between nodes. */
public interface PortObject {
    PortType TYPE = PortTypeRegistry.getInstance().getPortType(PortObject.class);

    PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(PortObject.class, true);

    PortObjectSpec getSpec();

    String getSummary();

    JComponent[] getViews();

    /** Writes and reads port objects of one class (registered in plugin.xml). */
    abstract class PortObjectSerializer<T extends PortObject> implements SerializerMethodLoader.Serializer<T> {
        public PortObjectSerializer() {
        }

        public abstract void savePortObject(T portObject, PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        public abstract T loadPortObject(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;
    }

    /** A serializer for port objects that must never be saved. */
    abstract class FailOnInvocationPortObjectSerializer<T extends PortObject> extends PortObjectSerializer<T> {
        public FailOnInvocationPortObjectSerializer() {
        }

        @Override
        public void savePortObject(final T portObject, final PortObjectZipOutputStream out,
            final ExecutionMonitor exec) {
            throw new IllegalStateException(portObject.getClass().getName() + " must not be saved");
        }

        @Override
        public T loadPortObject(final PortObjectZipInputStream in, final PortObjectSpec spec,
            final ExecutionMonitor exec) {
            throw new IllegalStateException("This port object must not be loaded");
        }
    }
}
