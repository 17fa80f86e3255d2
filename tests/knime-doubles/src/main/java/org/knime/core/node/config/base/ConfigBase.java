package org.knime.core.node.config.base;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.swing.tree.TreeNode;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.base.ConfigValueEntry.Kind;

/**
 * Double of KNIME's ConfigBase: an ordered tree of typed entries. Arrays are stored the way KNIME stores them, as
 * a sub-config holding {@code array-size} and one entry per index, so they look alike in settings.xml.
 */
public abstract class ConfigBase extends AbstractConfigEntry implements ConfigBaseRO, ConfigBaseWO {
    private static final long serialVersionUID = 1L;

    private static final String ARRAY_SIZE = "array-size";

    private final LinkedHashMap<String, AbstractConfigEntry> m_entries = new LinkedHashMap<>();

    public ConfigBase(final String key) {
        super(key);
    }

    /** A new, empty config of the same concrete type (used for sub-configs). */
    public abstract ConfigBase getInstance(String key);

    @Override
    public String getKey() {
        return entryKey();
    }

    @Override
    public String toStringValue() {
        return entryKey();
    }

    // ---- storage ----

    private synchronized void put(final String key, final AbstractConfigEntry entry) {
        if (key == null) {
            throw new IllegalArgumentException("A config key must not be null (config \"" + path() + "\")");
        }
        entry.setParentEntry(this);
        m_entries.put(key, entry);
    }

    private synchronized AbstractConfigEntry entry(final String key) {
        return m_entries.get(key);
    }

    /** Entries in insertion order (used by the XML writer and copyTo). */
    synchronized List<Map.Entry<String, AbstractConfigEntry>> entries() {
        return new ArrayList<>(m_entries.entrySet());
    }

    /** Slash-separated keys from the root, for error messages. */
    final String path() {
        final TreeNode parent = getParent();
        return parent instanceof ConfigBase ? ((ConfigBase)parent).path() + "/" + entryKey() : entryKey();
    }

    private void putValue(final String key, final Kind kind, final Object value) {
        put(key, new ConfigValueEntry(key, kind, value));
    }

    private Object value(final String key, final Kind kind) throws InvalidSettingsException {
        final AbstractConfigEntry e = entry(key);
        if (e == null) {
            throw new InvalidSettingsException(
                "Config for key \"" + key + "\" not found in \"" + path() + "\" (keys: " + keySet() + ").");
        }
        if (!(e instanceof ConfigValueEntry) || ((ConfigValueEntry)e).kind() != kind) {
            final String found = e instanceof ConfigValueEntry ? ((ConfigValueEntry)e).kind().xmlType : "config";
            throw new InvalidSettingsException("Type mismatch for key \"" + key + "\" in \"" + path()
                + "\": expected " + kind.xmlType + " but found " + found + ".");
        }
        return ((ConfigValueEntry)e).value();
    }

    private Object nonNull(final String key, final Kind kind) throws InvalidSettingsException {
        final Object v = value(key, kind);
        if (v == null) {
            throw new InvalidSettingsException("Config for key \"" + key + "\" in \"" + path() + "\" is null.");
        }
        return v;
    }

    private void putArray(final String key, final Kind kind, final Object[] values) {
        final ConfigBase array = getInstance(key);
        if (values != null) {
            array.putValue(ARRAY_SIZE, Kind.INT, values.length);
            for (int i = 0; i < values.length; i++) {
                array.putValue(Integer.toString(i), kind, values[i]);
            }
        }
        put(key, array);
    }

    /** Boxed elements of an array entry, or null for a null array. */
    private Object[] array(final String key, final Kind kind) throws InvalidSettingsException {
        final ConfigBase array = getConfigBase(key);
        if (!array.containsKey(ARRAY_SIZE)) {
            return null;
        }
        final int size = array.getInt(ARRAY_SIZE);
        final Object[] out = new Object[size];
        for (int i = 0; i < size; i++) {
            out[i] = array.value(Integer.toString(i), kind);
        }
        return out;
    }

    private static Object[] box(final Object primitiveArray) {
        if (primitiveArray == null) {
            return null;
        }
        final int n = java.lang.reflect.Array.getLength(primitiveArray);
        final Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = java.lang.reflect.Array.get(primitiveArray, i);
        }
        return out;
    }

    private static <A> A unbox(final Object[] boxed, final Class<?> componentType) {
        if (boxed == null) {
            return null;
        }
        final Object out = java.lang.reflect.Array.newInstance(componentType, boxed.length);
        for (int i = 0; i < boxed.length; i++) {
            java.lang.reflect.Array.set(out, i, boxed[i]);
        }
        @SuppressWarnings("unchecked")
        final A result = (A)out;
        return result;
    }

    // ---- ConfigBaseWO ----

    @Override
    public void addBoolean(final String key, final boolean value) {
        putValue(key, Kind.BOOLEAN, value);
    }

    @Override
    public void addBooleanArray(final String key, final boolean... values) {
        putArray(key, Kind.BOOLEAN, box(values));
    }

    @Override
    public void addByte(final String key, final byte value) {
        putValue(key, Kind.BYTE, value);
    }

    @Override
    public void addByteArray(final String key, final byte... values) {
        putArray(key, Kind.BYTE, box(values));
    }

    @Override
    public void addChar(final String key, final char value) {
        putValue(key, Kind.CHAR, value);
    }

    @Override
    public void addCharArray(final String key, final char... values) {
        putArray(key, Kind.CHAR, box(values));
    }

    @Override
    public ConfigBase addConfigBase(final String key) {
        final ConfigBase child = getInstance(key);
        put(key, child);
        return child;
    }

    @Override
    public void addDouble(final String key, final double value) {
        putValue(key, Kind.DOUBLE, value);
    }

    @Override
    public void addDoubleArray(final String key, final double... values) {
        putArray(key, Kind.DOUBLE, box(values));
    }

    @Override
    public void addFloat(final String key, final float value) {
        putValue(key, Kind.FLOAT, value);
    }

    @Override
    public void addFloatArray(final String key, final float... values) {
        putArray(key, Kind.FLOAT, box(values));
    }

    @Override
    public void addInt(final String key, final int value) {
        putValue(key, Kind.INT, value);
    }

    @Override
    public void addIntArray(final String key, final int... values) {
        putArray(key, Kind.INT, box(values));
    }

    @Override
    public void addLong(final String key, final long value) {
        putValue(key, Kind.LONG, value);
    }

    @Override
    public void addLongArray(final String key, final long... values) {
        putArray(key, Kind.LONG, box(values));
    }

    /** The double stores the password as given; KNIME encrypts it with {@code encryptionKey}. */
    @Override
    public void addPassword(final String key, final String encryptionKey, final String value) {
        putValue(key, Kind.PASSWORD, value);
    }

    @Override
    public void addShort(final String key, final short value) {
        putValue(key, Kind.SHORT, value);
    }

    @Override
    public void addShortArray(final String key, final short... values) {
        putArray(key, Kind.SHORT, box(values));
    }

    @Override
    public void addString(final String key, final String value) {
        putValue(key, Kind.STRING, value);
    }

    @Override
    public void addStringArray(final String key, final String... values) {
        putArray(key, Kind.STRING, values == null ? null : values.clone());
    }

    /** Transient strings live in memory only and are not written to XML. */
    @Override
    public void addTransientString(final String key, final String value) {
        putValue(key, Kind.TRANSIENT, value);
    }

    // ---- ConfigBaseRO ----

    @Override
    public synchronized boolean containsKey(final String key) {
        return m_entries.containsKey(key);
    }

    @Override
    public void copyTo(final ConfigBaseWO dest) {
        for (Map.Entry<String, AbstractConfigEntry> e : entries()) {
            final String key = e.getKey();
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase)e.getValue()).copyTo(dest.addConfigBase(key));
            } else {
                copyValue((ConfigValueEntry)e.getValue(), key, dest);
            }
        }
    }

    private static void copyValue(final ConfigValueEntry entry, final String key, final ConfigBaseWO dest) {
        final Object v = entry.value();
        switch (entry.kind()) {
            case INT: dest.addInt(key, (Integer)v); break;
            case LONG: dest.addLong(key, (Long)v); break;
            case DOUBLE: dest.addDouble(key, (Double)v); break;
            case FLOAT: dest.addFloat(key, (Float)v); break;
            case SHORT: dest.addShort(key, (Short)v); break;
            case BYTE: dest.addByte(key, (Byte)v); break;
            case CHAR: dest.addChar(key, (Character)v); break;
            case BOOLEAN: dest.addBoolean(key, (Boolean)v); break;
            case PASSWORD: dest.addPassword(key, "", (String)v); break;
            case TRANSIENT: dest.addTransientString(key, (String)v); break;
            default: dest.addString(key, (String)v); break;
        }
    }

    @Override
    public boolean getBoolean(final String key) throws InvalidSettingsException {
        return (Boolean)nonNull(key, Kind.BOOLEAN);
    }

    @Override
    public boolean getBoolean(final String key, final boolean def) {
        try {
            return getBoolean(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public boolean[] getBooleanArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.BOOLEAN), boolean.class);
    }

    @Override
    public boolean[] getBooleanArray(final String key, final boolean... def) {
        try {
            return getBooleanArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte getByte(final String key) throws InvalidSettingsException {
        return (Byte)nonNull(key, Kind.BYTE);
    }

    @Override
    public byte getByte(final String key, final byte def) {
        try {
            return getByte(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public byte[] getByteArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.BYTE), byte.class);
    }

    @Override
    public byte[] getByteArray(final String key, final byte... def) {
        try {
            return getByteArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char getChar(final String key) throws InvalidSettingsException {
        return (Character)nonNull(key, Kind.CHAR);
    }

    @Override
    public char getChar(final String key, final char def) {
        try {
            return getChar(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public char[] getCharArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.CHAR), char.class);
    }

    @Override
    public char[] getCharArray(final String key, final char... def) {
        try {
            return getCharArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public ConfigBase getConfigBase(final String key) throws InvalidSettingsException {
        final AbstractConfigEntry e = entry(key);
        if (e == null) {
            throw new InvalidSettingsException(
                "Config for key \"" + key + "\" not found in \"" + path() + "\" (keys: " + keySet() + ").");
        }
        if (!(e instanceof ConfigBase)) {
            throw new InvalidSettingsException("Type mismatch for key \"" + key + "\" in \"" + path()
                + "\": expected a config but found " + ((ConfigValueEntry)e).kind().xmlType + ".");
        }
        return (ConfigBase)e;
    }

    @Override
    public double getDouble(final String key) throws InvalidSettingsException {
        return (Double)nonNull(key, Kind.DOUBLE);
    }

    @Override
    public double getDouble(final String key, final double def) {
        try {
            return getDouble(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public double[] getDoubleArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.DOUBLE), double.class);
    }

    @Override
    public double[] getDoubleArray(final String key, final double... def) {
        try {
            return getDoubleArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public float getFloat(final String key) throws InvalidSettingsException {
        return (Float)nonNull(key, Kind.FLOAT);
    }

    @Override
    public float getFloat(final String key, final float def) {
        try {
            return getFloat(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public float[] getFloatArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.FLOAT), float.class);
    }

    @Override
    public float[] getFloatArray(final String key, final float... def) {
        try {
            return getFloatArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public int getInt(final String key) throws InvalidSettingsException {
        return (Integer)nonNull(key, Kind.INT);
    }

    @Override
    public int getInt(final String key, final int def) {
        try {
            return getInt(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public int[] getIntArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.INT), int.class);
    }

    @Override
    public int[] getIntArray(final String key, final int... def) {
        try {
            return getIntArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long getLong(final String key) throws InvalidSettingsException {
        return (Long)nonNull(key, Kind.LONG);
    }

    @Override
    public long getLong(final String key, final long def) {
        try {
            return getLong(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public long[] getLongArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.LONG), long.class);
    }

    @Override
    public long[] getLongArray(final String key, final long... def) {
        try {
            return getLongArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getPassword(final String key, final String encryptionKey) throws InvalidSettingsException {
        return (String)value(key, Kind.PASSWORD);
    }

    @Override
    public String getPassword(final String key, final String encryptionKey, final String def) {
        try {
            return getPassword(key, encryptionKey);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short getShort(final String key) throws InvalidSettingsException {
        return (Short)nonNull(key, Kind.SHORT);
    }

    @Override
    public short getShort(final String key, final short def) {
        try {
            return getShort(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public short[] getShortArray(final String key) throws InvalidSettingsException {
        return unbox(array(key, Kind.SHORT), short.class);
    }

    @Override
    public short[] getShortArray(final String key, final short... def) {
        try {
            return getShortArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getString(final String key) throws InvalidSettingsException {
        return (String)value(key, Kind.STRING);
    }

    @Override
    public String getString(final String key, final String def) {
        try {
            return getString(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String[] getStringArray(final String key) throws InvalidSettingsException {
        final Object[] boxed = array(key, Kind.STRING);
        if (boxed == null) {
            return null;
        }
        final String[] out = new String[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = (String)boxed[i];
        }
        return out;
    }

    @Override
    public String[] getStringArray(final String key, final String... def) {
        try {
            return getStringArray(key);
        } catch (InvalidSettingsException e) {
            return def;
        }
    }

    @Override
    public String getTransientString(final String key) {
        try {
            return (String)value(key, Kind.TRANSIENT);
        } catch (InvalidSettingsException e) {
            return null;
        }
    }

    @Override
    public Iterator<String> iterator() {
        return keySet().iterator();
    }

    @Override
    public synchronized Set<String> keySet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(m_entries.keySet()));
    }

    /** Writes the KNIME config XML and closes the stream (as KNIME does). */
    @Override
    public void saveToXML(final OutputStream os) throws IOException {
        try (OutputStream out = os) {
            ConfigXmlWriter.write(this, out);
        }
    }

    // ---- TreeNode ----

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return entries().get(childIndex).getValue();
    }

    @Override
    public synchronized int getChildCount() {
        return m_entries.size();
    }

    @Override
    public int getIndex(final TreeNode node) {
        final List<Map.Entry<String, AbstractConfigEntry>> all = entries();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).getValue() == node) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean getAllowsChildren() {
        return true;
    }

    @Override
    public synchronized boolean isLeaf() {
        return m_entries.isEmpty();
    }

    @Override
    public Enumeration<? extends TreeNode> children() {
        final List<TreeNode> nodes = new ArrayList<>();
        for (Map.Entry<String, AbstractConfigEntry> e : entries()) {
            nodes.add(e.getValue());
        }
        return Collections.enumeration(nodes);
    }

    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder();
        appendTo(sb, "");
        return sb.toString();
    }

    private void appendTo(final StringBuilder sb, final String indent) {
        sb.append(indent).append(entryKey()).append(":\n");
        for (Map.Entry<String, AbstractConfigEntry> e : entries()) {
            if (e.getValue() instanceof ConfigBase) {
                ((ConfigBase)e.getValue()).appendTo(sb, indent + "  ");
            } else {
                sb.append(indent).append("  ").append(e.getValue()).append('\n');
            }
        }
    }
}
