package org.knime.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Double of KNIME's DataColumnDomain: optional lower/upper bound and optional set of possible values. */
public final class DataColumnDomain {
    private final DataCell m_lower;

    private final DataCell m_upper;

    private final Set<DataCell> m_values;

    DataColumnDomain(final DataCell lower, final DataCell upper, final Set<? extends DataCell> values) {
        m_lower = lower;
        m_upper = upper;
        m_values = values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    public DataCell getLowerBound() {
        return m_lower;
    }

    public DataCell getUpperBound() {
        return m_upper;
    }

    public Set<DataCell> getValues() {
        return m_values;
    }

    public boolean hasBounds() {
        return m_lower != null && m_upper != null;
    }

    public boolean hasLowerBound() {
        return m_lower != null;
    }

    public boolean hasUpperBound() {
        return m_upper != null;
    }

    public boolean hasValues() {
        return m_values != null;
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof DataColumnDomain)) {
            return false;
        }
        final DataColumnDomain o = (DataColumnDomain)obj;
        return Objects.equals(m_lower, o.m_lower) && Objects.equals(m_upper, o.m_upper)
            && Objects.equals(m_values, o.m_values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_lower, m_upper, m_values);
    }

    @Override
    public String toString() {
        return "lower=" + m_lower + ", upper=" + m_upper + ", values=" + m_values;
    }

    public void save(final ConfigWO config) {
        if (m_lower != null) {
            config.addDataCell("lower_bound", m_lower);
        }
        if (m_upper != null) {
            config.addDataCell("upper_bound", m_upper);
        }
        if (m_values != null) {
            config.addDataCellArray("possible_values", m_values.toArray(new DataCell[0]));
        }
    }

    /** Reads what {@link #save} wrote; absent parts stay absent. */
    public static DataColumnDomain load(final ConfigRO config) {
        final DataCell[] values = config.getDataCellArray("possible_values", (DataCell[])null);
        return new DataColumnDomain(config.getDataCell("lower_bound", null), config.getDataCell("upper_bound", null),
            values == null ? null : new LinkedHashSet<>(java.util.Arrays.asList(values)));
    }
}
