package org.knime.core.node.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionMonitor;

/** Serializers come from plugin.xml (src/test/resources/plugin.xml registers {@link TestPortObject}). */
class PortTypeRegistryTest {
    @Test
    void pluginXmlRegistrationGivesSerializersNameAndColor() throws Exception {
        final PortTypeRegistry r = PortTypeRegistry.getInstance();
        final PortType type = r.getPortType(TestPortObject.class);
        assertSame(type, r.getPortType(TestPortObject.class));
        assertEquals("Test Port", type.getName());
        assertEquals(0xFF123456, type.getColor());
        assertEquals(TestPortObject.Spec.class, type.getPortObjectSpecClass());
        assertInstanceOf(TestPortObject.Serializer.class, r.getObjectSerializer(TestPortObject.class).orElseThrow());
        assertInstanceOf(TestPortObject.SpecSerializer.class,
            r.getSpecSerializer(TestPortObject.Spec.class).orElseThrow());

        final TestPortObject po = new TestPortObject("hello");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = new PortObjectZipOutputStream(bytes)) {
            r.getObjectSerializer(TestPortObject.class).orElseThrow().savePortObject(po, out, new ExecutionMonitor());
        }
        try (PortObjectZipInputStream in = new PortObjectZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            final PortObject back = r.getObjectSerializer(TestPortObject.class).orElseThrow()
                .loadPortObject(in, po.getSpec(), new ExecutionMonitor());
            assertEquals("hello", ((TestPortObject)back).text());
        }
    }

    @Test
    void builtInTypes() {
        final PortTypeRegistry r = PortTypeRegistry.getInstance();
        assertEquals("Data", BufferedDataTable.TYPE.getName());
        assertEquals(DataTableSpec.class, BufferedDataTable.TYPE.getPortObjectSpecClass());
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.isOptional());
        assertFalse(BufferedDataTable.TYPE.equals(BufferedDataTable.TYPE_OPTIONAL));
        assertTrue(PortObject.TYPE.isSuperTypeOf(BufferedDataTable.TYPE));
        assertTrue(r.getObjectSerializer(BufferedDataTable.class).isPresent());
        assertTrue(r.getSpecSerializer(DataTableSpec.class).isPresent());
        assertEquals(PortType.DEFAULT_COLOR, PortObject.TYPE.getColor());
    }
}
