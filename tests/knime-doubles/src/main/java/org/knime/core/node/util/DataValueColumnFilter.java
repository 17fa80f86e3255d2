package org.knime.core.node.util;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataValue;

/** Double of KNIME's DataValueColumnFilter: columns whose type is compatible with one of the value classes. */
public class DataValueColumnFilter implements ColumnFilter {
    private final List<Class<? extends DataValue>> m_classes;

    @SafeVarargs
    public DataValueColumnFilter(final Class<? extends DataValue>... filterValueClasses) {
        this(Arrays.asList(filterValueClasses));
    }

    public DataValueColumnFilter(final Collection<Class<? extends DataValue>> filterValueClasses) {
        if (filterValueClasses == null || filterValueClasses.isEmpty()) {
            throw new IllegalArgumentException("Give at least one value class to filter by");
        }
        m_classes = new ArrayList<>(filterValueClasses);
    }

    @Override
    public boolean includeColumn(final DataColumnSpec colSpec) {
        return m_classes.stream().anyMatch(c -> colSpec.getType().isCompatible(c));
    }

    @Override
    public String allFilteredMsg() {
        return "No column in the input compatible to " + this + ".";
    }

    @Override
    public String toString() {
        return m_classes.stream().map(Class::getSimpleName).collect(Collectors.joining(", ", "\"", "\""));
    }
}
