package org.gfe.knime.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;

/** Editing settings by key paths, removing keys, and the settings XML. */
class SettingsEditorTest {
    @Test
    void nestedKeysAreCreatedReadAndRemoved() throws Exception {
        final SettingsEditor e = SettingsEditor.of(new NodeSettings("model"));
        e.setInt("a", 1).setDouble("sub/b", 0.25).setStringArray("sub/deeper/c", "x", "y").setBoolean("d", true);
        assertEquals(1, e.getInt("a"));
        assertEquals(0.25, e.getDouble("sub/b"));
        assertArrayEquals(new String[]{"x", "y"}, e.getStringArray("sub/deeper/c"));
        e.remove("sub/b");
        assertFalse(e.contains("sub/b"));
        assertTrue(e.contains("sub/deeper/c"));
        assertTrue(e.getBoolean("d"));
        assertThrows(InvalidSettingsException.class, () -> e.getInt("sub/b"));
        assertThrows(IllegalArgumentException.class, () -> e.remove("nope"));
    }

    @Test
    void xmlLooksLikeKnimeSettingsAndReadsBack() throws Exception {
        final SettingsEditor e = SettingsEditor.of(new NodeSettings("model"));
        e.setInt("epochs", 3).setString("nothing", null);
        final String xml = e.toXml();
        assertTrue(xml.contains("<entry key=\"epochs\" type=\"xint\" value=\"3\"/>"), xml);
        assertTrue(xml.contains("isnull=\"true\""), xml);
        final SettingsEditor back = SettingsEditor.of(SettingsEditor.fromXml(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, back.getInt("epochs"));
        assertEquals(null, back.getString("nothing"));
        assertTrue(back.contains("nothing"));
    }
}
