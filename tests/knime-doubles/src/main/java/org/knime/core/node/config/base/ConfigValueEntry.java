package org.knime.core.node.config.base;

/** One typed value of a config; the type names are those KNIME writes into settings.xml. */
final class ConfigValueEntry extends AbstractConfigEntry {
    private static final long serialVersionUID = 1L;

    enum Kind {
        INT("xint"), LONG("xlong"), DOUBLE("xdouble"), FLOAT("xfloat"), SHORT("xshort"), BYTE("xbyte"),
        CHAR("xchar"), BOOLEAN("xboolean"), STRING("xstring"), PASSWORD("xpassword"), TRANSIENT("xtransientstring");

        final String xmlType;

        Kind(final String xmlType) {
            this.xmlType = xmlType;
        }

        static Kind ofXmlType(final String type) {
            for (Kind k : values()) {
                if (k.xmlType.equals(type)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown config entry type '" + type + "'");
        }

        /** Parses the text written by {@link ConfigValueEntry#toStringValue()}. */
        Object parse(final String text) {
            if (text == null) {
                return null;
            }
            switch (this) {
                case INT: return Integer.valueOf(text);
                case LONG: return Long.valueOf(text);
                case DOUBLE: return Double.valueOf(text);
                case FLOAT: return Float.valueOf(text);
                case SHORT: return Short.valueOf(text);
                case BYTE: return Byte.valueOf(text);
                case CHAR: return Character.valueOf((char)Integer.parseInt(text));
                case BOOLEAN: return Boolean.valueOf(text);
                default: return text;
            }
        }
    }

    private final Kind m_kind;

    private final Object m_value;

    ConfigValueEntry(final String key, final Kind kind, final Object value) {
        super(key);
        m_kind = kind;
        m_value = value;
    }

    Kind kind() {
        return m_kind;
    }

    Object value() {
        return m_value;
    }

    @Override
    public String toStringValue() {
        if (m_value == null) {
            return null;
        }
        if (m_kind == Kind.CHAR) {
            return Integer.toString((Character)m_value);
        }
        return m_value.toString();
    }

    @Override
    public String toString() {
        return entryKey() + " (" + m_kind.xmlType + ") -> " + toStringValue();
    }
}
