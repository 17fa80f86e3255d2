package org.knime.core.node.port;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;

import org.knime.core.node.InvalidSettingsException;

/** Stream wrappers that leave the zip stream open when a config is written to or read from one entry. */
final class NonClosing {
    private NonClosing() {
    }

    static OutputStream out(final OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    static InputStream in(final InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream belongs to the caller
            }
        };
    }

    /** A new instance through the public no-argument constructor KNIME requires of port objects and specs. */
    static <T> T newInstance(final String className, final Class<T> expected) throws IOException {
        try {
            final ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            Class<?> c;
            try {
                c = Class.forName(className, true, tccl != null ? tccl : NonClosing.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                c = Class.forName(className, true, NonClosing.class.getClassLoader());
            }
            final Constructor<?> ctor = c.getConstructor();
            return expected.cast(ctor.newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IOException("Cannot create " + className + ": it needs a public no-argument constructor ("
                + e + ")", e);
        }
    }

    static IOException io(final String what, final InvalidSettingsException e) {
        return new IOException(what + ": " + e.getMessage(), e);
    }
}
