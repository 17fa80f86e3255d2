package org.knime.core.data;

import java.util.Objects;

/** Double of KNIME's DataColumnSpecCreator (name, type, domain, element names). */
public final class DataColumnSpecCreator {
    private String m_name;

    private DataType m_type;

    private DataColumnDomain m_domain;

    private String[] m_elementNames;

    public DataColumnSpecCreator(final String name, final DataType type) {
        setName(name);
        setType(type);
    }

    public DataColumnSpecCreator(final DataColumnSpec cspec) {
        m_name = cspec.getName();
        m_type = cspec.getType();
        m_domain = cspec.getDomain();
        final java.util.List<String> names = cspec.getElementNames();
        m_elementNames = names.size() == 1 && names.get(0).equals(m_name) ? null : names.toArray(new String[0]);
    }

    public DataColumnSpec createSpec() {
        return new DataColumnSpec(m_name, m_type, m_domain, m_elementNames);
    }

    public DataType getType() {
        return m_type;
    }

    public void setName(final String name) {
        m_name = Objects.requireNonNull(name, "Column name must not be null").trim();
        if (m_name.isEmpty()) {
            throw new IllegalArgumentException("Column name must not be empty");
        }
    }

    public void setType(final DataType type) {
        m_type = Objects.requireNonNull(type, "Column type must not be null");
    }

    public void setDomain(final DataColumnDomain domain) {
        m_domain = domain;
    }

    public void setElementNames(final String[] elNames) {
        m_elementNames = elNames == null ? null : elNames.clone();
    }

    /** The double has no colour/shape/size handlers: nothing to remove. */
    public void removeAllHandlers() {
    }

    /** How {@code merge} treats differences (the double does not implement merge). */
    public enum MergeOptions {
        ALLOW_VARYING_TYPES, ALLOW_VARYING_ELEMENT_NAMES
    }
}
