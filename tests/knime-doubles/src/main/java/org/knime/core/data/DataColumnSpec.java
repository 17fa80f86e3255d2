package org.knime.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Double of KNIME's DataColumnSpec: name, type, domain and element names (no properties, colour/shape/size
 * handlers or meta data). Created with {@link DataColumnSpecCreator}.
 */
public final class DataColumnSpec {
    private final String m_name;

    private final DataType m_type;

    private final DataColumnDomain m_domain;

    private final String[] m_elementNames;

    DataColumnSpec(final String name, final DataType type, final DataColumnDomain domain,
        final String[] elementNames) {
        m_name = Objects.requireNonNull(name, "Column name must not be null");
        m_type = Objects.requireNonNull(type, "Column type must not be null (column \"" + name + "\")");
        m_domain = domain == null ? new DataColumnDomainCreator().createDomain() : domain;
        m_elementNames = elementNames == null ? new String[0] : elementNames.clone();
    }

    public String getName() {
        return m_name;
    }

    public DataType getType() {
        return m_type;
    }

    public DataColumnDomain getDomain() {
        return m_domain;
    }

    /** The names of the elements of a vector column; just the column name if none were set. */
    public List<String> getElementNames() {
        return m_elementNames.length == 0 ? Collections.singletonList(m_name)
            : Collections.unmodifiableList(Arrays.asList(m_elementNames));
    }

    /** Same name and type; domains and the rest may differ. */
    public boolean equalStructure(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.equals(cspec.m_type);
    }

    /** Same name, and this type can hold the other's cells. */
    public boolean isCompatibleWith(final DataColumnSpec cspec) {
        return cspec != null && m_name.equals(cspec.m_name) && m_type.isASuperTypeOf(cspec.m_type);
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataColumnSpec)) {
            return false;
        }
        final DataColumnSpec o = (DataColumnSpec)obj;
        return equalStructure(o) && m_domain.equals(o.m_domain) && Arrays.equals(m_elementNames, o.m_elementNames);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() ^ m_type.hashCode();
    }

    @Override
    public String toString() {
        return m_name + " (" + m_type + ")";
    }

    public void save(final ConfigWO config) {
        config.addString("column_name", m_name);
        config.addDataType("column_type", m_type);
        m_domain.save(config.addConfig("column_domain"));
        config.addStringArray("element_names", m_elementNames);
    }

    public static DataColumnSpec load(final ConfigRO config) throws InvalidSettingsException {
        final String name = config.getString("column_name");
        final DataType type = config.getDataType("column_type");
        final DataColumnDomain domain = config.containsKey("column_domain")
            ? DataColumnDomain.load(config.getConfig("column_domain")) : null;
        return new DataColumnSpec(name, type, domain, config.getStringArray("element_names", new String[0]));
    }
}
