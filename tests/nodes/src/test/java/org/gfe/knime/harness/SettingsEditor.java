package org.gfe.knime.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Edits node settings by key, as a user (dialog) or a flow variable would. A key is a path through sub-configs
 * separated by "/", e.g. {@code "epochs"} or {@code "columns/included_names"}; setters create missing keys and
 * replace existing ones (with the type of the setter). {@link #remove} deletes a key, e.g. to imitate settings
 * saved by an older version of a node.
 */
public final class SettingsEditor {
    private final Supplier<NodeSettings> m_get;

    private final Consumer<NodeSettings> m_set;

    SettingsEditor(final Supplier<NodeSettings> get, final Consumer<NodeSettings> set) {
        m_get = get;
        m_set = set;
    }

    /** An editor of a stand-alone settings object ({@link #settings()} gives the current one). */
    public static SettingsEditor of(final NodeSettings settings) {
        final NodeSettings[] holder = {settings};
        return new SettingsEditor(() -> holder[0], s -> holder[0] = s);
    }

    public NodeSettings settings() {
        return m_get.get();
    }

    private NodeSettings parent(final String path, final boolean create) throws InvalidSettingsException {
        NodeSettings s = m_get.get();
        final String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!s.containsKey(parts[i]) && create) {
                s.addNodeSettings(parts[i]);
            }
            s = s.getNodeSettings(parts[i]);
        }
        return s;
    }

    private static String leaf(final String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private NodeSettings parentForWrite(final String path) {
        try {
            return parent(path, true);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException("Cannot edit \"" + path + "\": " + e.getMessage(), e);
        }
    }

    public SettingsEditor setInt(final String path, final int value) {
        parentForWrite(path).addInt(leaf(path), value);
        return this;
    }

    public SettingsEditor setLong(final String path, final long value) {
        parentForWrite(path).addLong(leaf(path), value);
        return this;
    }

    public SettingsEditor setDouble(final String path, final double value) {
        parentForWrite(path).addDouble(leaf(path), value);
        return this;
    }

    public SettingsEditor setString(final String path, final String value) {
        parentForWrite(path).addString(leaf(path), value);
        return this;
    }

    public SettingsEditor setBoolean(final String path, final boolean value) {
        parentForWrite(path).addBoolean(leaf(path), value);
        return this;
    }

    public SettingsEditor setStringArray(final String path, final String... values) {
        parentForWrite(path).addStringArray(leaf(path), values);
        return this;
    }

    public SettingsEditor setIntArray(final String path, final int... values) {
        parentForWrite(path).addIntArray(leaf(path), values);
        return this;
    }

    public SettingsEditor setDoubleArray(final String path, final double... values) {
        parentForWrite(path).addDoubleArray(leaf(path), values);
        return this;
    }

    public boolean contains(final String path) {
        try {
            return parent(path, false).containsKey(leaf(path));
        } catch (InvalidSettingsException e) {
            return false;
        }
    }

    public int getInt(final String path) throws InvalidSettingsException {
        return parent(path, false).getInt(leaf(path));
    }

    public long getLong(final String path) throws InvalidSettingsException {
        return parent(path, false).getLong(leaf(path));
    }

    public double getDouble(final String path) throws InvalidSettingsException {
        return parent(path, false).getDouble(leaf(path));
    }

    public String getString(final String path) throws InvalidSettingsException {
        return parent(path, false).getString(leaf(path));
    }

    public boolean getBoolean(final String path) throws InvalidSettingsException {
        return parent(path, false).getBoolean(leaf(path));
    }

    public String[] getStringArray(final String path) throws InvalidSettingsException {
        return parent(path, false).getStringArray(leaf(path));
    }

    /** Deletes a key (value or sub-config); fails if it does not exist. */
    public SettingsEditor remove(final String path) {
        try {
            final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml(m_get.get())));
            Element e = doc.getDocumentElement();
            for (String part : path.split("/")) {
                e = child(e, part);
                if (e == null) {
                    throw new IllegalArgumentException("No setting \"" + path + "\" to remove");
                }
            }
            e.getParentNode().removeChild(e);
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            m_set.accept(fromXml(out.toByteArray()));
            return this;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot remove \"" + path + "\": " + e.getMessage(), e);
        }
    }

    private static Element child(final Element parent, final String key) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && key.equals(((Element)n).getAttribute("key"))) {
                return (Element)n;
            }
        }
        return null;
    }

    /** The settings as KNIME's settings.xml text. */
    public String toXml() {
        return new String(xml(m_get.get()), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] xml(final NodeSettings settings) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            settings.saveToXML(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Settings read from settings.xml text (e.g. saved by an older version of a node). */
    public static NodeSettings fromXml(final byte[] xml) throws IOException {
        final NodeSettingsRO read = NodeSettings.loadFromXML(new ByteArrayInputStream(xml));
        return (NodeSettings)read;
    }

    /** A deep copy. */
    public static NodeSettings copy(final NodeSettings settings) {
        try {
            return fromXml(xml(settings));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
