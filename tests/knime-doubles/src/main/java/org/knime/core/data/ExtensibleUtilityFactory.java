package org.knime.core.data;

/** Double of KNIME's ExtensibleUtilityFactory: a utility factory with a human readable type name. */
public abstract class ExtensibleUtilityFactory extends DataValue.UtilityFactory {
    private final Class<? extends DataValue> m_valueClass;

    public ExtensibleUtilityFactory(final Class<? extends DataValue> valueClass) {
        m_valueClass = valueClass;
    }

    final Class<? extends DataValue> valueClass() {
        return m_valueClass;
    }

    /** The name KNIME shows for columns of this value type, e.g. "Number (double)". */
    public abstract String getName();
}
