package org.knime.core.data;

import java.util.Objects;

/** Double of KNIME's RowKey: the row ID string. */
public final class RowKey implements RowKeyValue {
    private final String m_key;

    public RowKey(final String key) {
        m_key = Objects.requireNonNull(key, "A row key must not be null");
    }

    /** "Row" + index, as KNIME names rows. */
    @Deprecated
    public static RowKey createRowKey(final int rowNumber) {
        return new RowKey("Row" + rowNumber);
    }

    public static RowKey createRowKey(final long rowNumber) {
        return new RowKey("Row" + rowNumber);
    }

    @Override
    public String getString() {
        return m_key;
    }

    public RowKey materializeRowKey() {
        return this;
    }

    public static RowKey[] toRowKeys(final String... strings) {
        final RowKey[] out = new RowKey[strings.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new RowKey(strings[i]);
        }
        return out;
    }

    public static String[] toStrings(final RowKey... keys) {
        final String[] out = new String[keys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = keys[i].getString();
        }
        return out;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof RowKey && ((RowKey)obj).m_key.equals(m_key);
    }

    @Override
    public int hashCode() {
        return m_key.hashCode();
    }

    @Override
    public String toString() {
        return m_key;
    }
}
