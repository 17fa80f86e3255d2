package org.knime.core.node.port;

import java.io.IOException;

import javax.swing.JComponent;

import org.knime.core.internal.SerializerMethodLoader;

/** Double of KNIME's PortObjectSpec: what a port will carry, known at configure time. */
public interface PortObjectSpec {
    JComponent[] getViews();

    /** Writes and reads specs of one class (registered in plugin.xml). */
    abstract class PortObjectSpecSerializer<T extends PortObjectSpec> implements SerializerMethodLoader.Serializer<T> {
        public PortObjectSpecSerializer() {
        }

        public abstract void savePortObjectSpec(T portObjectSpec, PortObjectSpecZipOutputStream out)
            throws IOException;

        public abstract T loadPortObjectSpec(PortObjectSpecZipInputStream in) throws IOException;
    }

    /** A serializer for specs that must never be saved. */
    abstract class FailOnInvocationPortObjectSpecSerializer<T extends PortObjectSpec>
        extends PortObjectSpecSerializer<T> {
        public FailOnInvocationPortObjectSpecSerializer() {
        }

        @Override
        public void savePortObjectSpec(final T portObjectSpec, final PortObjectSpecZipOutputStream out) {
            throw new IllegalStateException(portObjectSpec.getClass().getName() + " must not be saved");
        }

        @Override
        public T loadPortObjectSpec(final PortObjectSpecZipInputStream in) {
            throw new IllegalStateException("This spec must not be loaded");
        }
    }
}
