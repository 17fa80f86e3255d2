package org.knime.core.data.container;

import java.util.LinkedHashSet;
import java.util.Set;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataColumnDomainCreator;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.NominalValue;

/**
 * Computes the domain of one column as KNIME's containers do: lower/upper bound of bounded (numeric) values,
 * ignoring NaN, and the possible values of nominal columns, dropped once there are more than the limit.
 */
final class DomainTracker {
    private final DataColumnSpec m_spec;

    private final boolean m_bounded;

    private final boolean m_nominal;

    private final int m_maxValues;

    private DataCell m_lower;

    private DataCell m_upper;

    private Set<DataCell> m_values;

    private boolean m_tooManyValues;

    DomainTracker(final DataColumnSpec spec, final boolean startFromSpecDomain, final int maxPossibleValues) {
        m_spec = spec;
        m_bounded = spec.getType().isCompatible(BoundedValue.class) && spec.getType().isCompatible(DoubleValue.class);
        m_nominal = spec.getType().isCompatible(NominalValue.class);
        m_maxValues = maxPossibleValues;
        final DataColumnDomain d = spec.getDomain();
        if (startFromSpecDomain) {
            m_lower = d.getLowerBound();
            m_upper = d.getUpperBound();
            m_values = d.hasValues() ? new LinkedHashSet<>(d.getValues()) : null;
        }
    }

    void add(final DataCell cell) {
        if (cell.isMissing()) {
            return;
        }
        if (m_bounded && cell instanceof DoubleValue) {
            final double v = ((DoubleValue)cell).getDoubleValue();
            if (!Double.isNaN(v)) {
                if (m_lower == null || v < ((DoubleValue)m_lower).getDoubleValue()) {
                    m_lower = cell;
                }
                if (m_upper == null || v > ((DoubleValue)m_upper).getDoubleValue()) {
                    m_upper = cell;
                }
            }
        }
        if (m_nominal && !m_tooManyValues) {
            if (m_values == null) {
                m_values = new LinkedHashSet<>();
            }
            m_values.add(cell);
            if (m_values.size() > m_maxValues) {
                m_values = null;
                m_tooManyValues = true;
            }
        }
    }

    DataColumnSpec createSpec() {
        final DataColumnDomainCreator domain = new DataColumnDomainCreator(m_lower, m_upper);
        domain.setValues(m_values);
        final DataColumnSpecCreator creator = new DataColumnSpecCreator(m_spec);
        creator.setDomain(domain.createDomain());
        return creator.createSpec();
    }
}
