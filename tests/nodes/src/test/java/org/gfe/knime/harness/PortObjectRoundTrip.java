package org.gfe.knime.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortTypeRegistry;
import org.knime.core.node.port.TestPortStreams;

/**
 * Writes port objects and specs through the serializers KNIME would find for them (PortTypeRegistry: plugin.xml
 * registrations, built-ins, legacy static methods) into zip streams and reads them back, as KNIME does when a
 * workflow is saved and loaded.
 */
public final class PortObjectRoundTrip {
    /** Appended after each serializer so that a serializer writing nothing still makes a valid zip. */
    private static final String END_ENTRY = "harness-end";

    private PortObjectRoundTrip() {
    }

    /** The spec written and read back by its serializer. */
    public static <S extends PortObjectSpec> S roundTripSpec(final S spec) throws IOException {
        return readSpec(writeSpec(spec), spec);
    }

    /** The object (and its spec) written and read back by their serializers. */
    public static <T extends PortObject> T roundTrip(final T object) throws IOException, CanceledExecutionException {
        final PortObjectSpec spec = roundTripSpec(object.getSpec());
        final byte[] bytes = writeObject(object);
        @SuppressWarnings("unchecked")
        final Class<T> type = (Class<T>)object.getClass();
        return readObject(bytes, spec, type);
    }

    public static byte[] writeSpec(final PortObjectSpec spec) throws IOException {
        final PortObjectSpecSerializer<PortObjectSpec> serializer = specSerializer(spec.getClass());
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectSpecZipOutputStream out = TestPortStreams.specOut(bytes)) {
            serializer.savePortObjectSpec(spec, out);
            out.putNextEntry(new ZipEntry(END_ENTRY));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Reads a spec of the class of {@code example} (only its class is used). */
    public static <S extends PortObjectSpec> S readSpec(final byte[] bytes, final S example) throws IOException {
        final PortObjectSpec read;
        try (PortObjectSpecZipInputStream in = TestPortStreams.specIn(new ByteArrayInputStream(bytes))) {
            read = specSerializer(example.getClass()).loadPortObjectSpec(in);
        }
        if (read == null || read.getClass() != example.getClass()) {
            throw new IOException("Spec serializer of " + example.getClass().getName() + " read back "
                + (read == null ? "null" : read.getClass().getName()));
        }
        @SuppressWarnings("unchecked")
        final S result = (S)read;
        return result;
    }

    public static byte[] writeObject(final PortObject object) throws IOException, CanceledExecutionException {
        final PortObjectSerializer<PortObject> serializer = objectSerializer(object.getClass());
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = TestPortStreams.objectOut(bytes)) {
            serializer.savePortObject(object, out, new ExecutionMonitor());
            out.putNextEntry(new ZipEntry(END_ENTRY));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    public static <T extends PortObject> T readObject(final byte[] bytes, final PortObjectSpec spec,
        final Class<T> type) throws IOException, CanceledExecutionException {
        final PortObject read;
        try (PortObjectZipInputStream in = TestPortStreams.objectIn(new ByteArrayInputStream(bytes))) {
            read = objectSerializer(type).loadPortObject(in, spec, new ExecutionMonitor());
        }
        if (!type.isInstance(read)) {
            throw new IOException("Serializer of " + type.getName() + " read back "
                + (read == null ? "null" : read.getClass().getName()));
        }
        return type.cast(read);
    }

    private static PortObjectSpecSerializer<PortObjectSpec> specSerializer(final Class<? extends PortObjectSpec> c) {
        return PortTypeRegistry.getInstance().getSpecSerializer(c).orElseThrow(() -> new IllegalStateException(
            "No serializer for port object spec " + c.getName() + ": register it in plugin.xml (extension point "
                + "org.knime.core.PortType, attributes specClass and specSerializer)"));
    }

    private static PortObjectSerializer<PortObject> objectSerializer(final Class<? extends PortObject> c) {
        return PortTypeRegistry.getInstance().getObjectSerializer(c).orElseThrow(() -> new IllegalStateException(
            "No serializer for port object " + c.getName() + ": register it in plugin.xml (extension point "
                + "org.knime.core.PortType, attributes objectClass and objectSerializer)"));
    }
}
