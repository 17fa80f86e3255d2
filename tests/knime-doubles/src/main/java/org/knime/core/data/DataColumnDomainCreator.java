package org.knime.core.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Double of KNIME's DataColumnDomainCreator. */
public class DataColumnDomainCreator {
    private DataCell m_lower;

    private DataCell m_upper;

    private Set<DataCell> m_values;

    public DataColumnDomainCreator() {
    }

    public DataColumnDomainCreator(final Set<? extends DataCell> values) {
        setValues(values);
    }

    public DataColumnDomainCreator(final Set<? extends DataCell> values, final DataCell lower,
        final DataCell upper) {
        setValues(values);
        m_lower = lower;
        m_upper = upper;
    }

    public DataColumnDomainCreator(final DataCell lower, final DataCell upper) {
        m_lower = lower;
        m_upper = upper;
    }

    public DataColumnDomainCreator(final DataCell[] values) {
        setValues(values == null ? null : new LinkedHashSet<>(Arrays.asList(values)));
    }

    public DataColumnDomainCreator(final DataCell[] values, final DataCell lower, final DataCell upper) {
        this(values);
        m_lower = lower;
        m_upper = upper;
    }

    public DataColumnDomainCreator(final DataColumnDomain domain) {
        setValues(domain.getValues());
        m_lower = domain.getLowerBound();
        m_upper = domain.getUpperBound();
    }

    public DataColumnDomain createDomain() {
        return new DataColumnDomain(m_lower, m_upper, m_values);
    }

    public void setLowerBound(final DataCell lower) {
        m_lower = lower;
    }

    public void setUpperBound(final DataCell upper) {
        m_upper = upper;
    }

    public void setValues(final Set<? extends DataCell> values) {
        m_values = values == null ? null : new LinkedHashSet<>(values);
    }
}
