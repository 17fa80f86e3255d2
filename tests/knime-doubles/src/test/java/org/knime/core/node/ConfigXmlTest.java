package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;

/** Settings keep every entry type through settings.xml; getters fail or fall back as KNIME's do. */
class ConfigXmlTest {
    private static NodeSettings roundTrip(final NodeSettings s) throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.saveToXML(out);
        return (NodeSettings)NodeSettings.loadFromXML(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void everyEntryTypeSurvivesXml() throws Exception {
        final NodeSettings s = new NodeSettings("model");
        s.addInt("i", -7);
        s.addLong("l", 1L << 50);
        s.addDouble("d", Double.NaN);
        s.addDouble("inf", Double.NEGATIVE_INFINITY);
        s.addFloat("f", 1.5f);
        s.addShort("sh", (short)3);
        s.addByte("b", (byte)-2);
        s.addChar("c", 'ß');
        s.addBoolean("bool", true);
        s.addString("s", "a <b> & \"c\"\nnext\t50%%00010 %");
        s.addString("null", null);
        s.addPassword("pw", "key", "secret");
        s.addTransientString("transient", "gone");
        s.addDoubleArray("da", 1, 2.5);
        s.addStringArray("sa", "x", null);
        s.addIntArray("nullArray", (int[])null);
        s.addDataCell("cell", new DoubleCell(4));
        s.addDataCellArray("cells", new IntCell(1), DataType.getMissingCell(), new StringCell("z"));
        s.addDataType("type", IntCell.TYPE);
        s.addRowKey("key", new RowKey("Row9"));
        s.addNodeSettings("sub").addInt("x", 1);

        final NodeSettings r = roundTrip(s);

        assertEquals("model", r.getKey());
        assertEquals(-7, r.getInt("i"));
        assertEquals(1L << 50, r.getLong("l"));
        assertTrue(Double.isNaN(r.getDouble("d")));
        assertEquals(Double.NEGATIVE_INFINITY, r.getDouble("inf"));
        assertEquals(1.5f, r.getFloat("f"));
        assertEquals(3, r.getShort("sh"));
        assertEquals(-2, r.getByte("b"));
        assertEquals('ß', r.getChar("c"));
        assertTrue(r.getBoolean("bool"));
        assertEquals("a <b> & \"c\"\nnext\t50%%00010 %", r.getString("s"));
        assertNull(r.getString("null"));
        assertEquals("secret", r.getPassword("pw", "key"));
        assertFalse(r.containsKey("transient"));
        assertArrayEquals(new double[]{1, 2.5}, r.getDoubleArray("da"));
        assertArrayEquals(new String[]{"x", null}, r.getStringArray("sa"));
        assertNull(r.getIntArray("nullArray"));
        assertEquals(new DoubleCell(4), r.getDataCell("cell"));
        assertArrayEquals(new DataCell[]{new IntCell(1), DataType.getMissingCell(), new StringCell("z")},
            r.getDataCellArray("cells"));
        assertEquals(IntCell.TYPE, r.getDataType("type"));
        assertEquals(new RowKey("Row9"), r.getRowKey("key"));
        assertEquals(1, r.getNodeSettings("sub").getInt("x"));
        assertEquals(s.keySet().size() - 1, r.keySet().size());
    }

    @Test
    void missingKeysAndWrongTypesFailWithTheKeyAndFallBackToDefaults() {
        final NodeSettings s = new NodeSettings("model");
        s.addDouble("rate", 0.1);
        final InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> s.getInt("epochs"));
        assertTrue(missing.getMessage().contains("\"epochs\""), missing.getMessage());
        final InvalidSettingsException wrongType = assertThrows(InvalidSettingsException.class, () -> s.getInt("rate"));
        assertTrue(wrongType.getMessage().contains("xint") && wrongType.getMessage().contains("xdouble"),
            wrongType.getMessage());
        assertEquals(5, s.getInt("epochs", 5));
        assertEquals(5, s.getInt("rate", 5));
        assertEquals(0.1, s.getDouble("rate", 5));
    }

    @Test
    void copyToCopiesDeeply() throws Exception {
        final NodeSettings s = new NodeSettings("a");
        s.addNodeSettings("sub").addStringArray("names", "p", "q");
        final NodeSettings t = new NodeSettings("b");
        s.copyTo(t);
        s.getNodeSettings("sub").addString("later", "x");
        assertArrayEquals(new String[]{"p", "q"}, t.getNodeSettings("sub").getStringArray("names"));
        assertFalse(t.getNodeSettings("sub").containsKey("later"));
    }
}
