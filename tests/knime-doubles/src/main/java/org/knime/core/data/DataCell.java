package org.knime.core.data;

import java.io.Serializable;

/** Double of KNIME's DataCell: an immutable value in a table; two missing cells are equal. */
public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    public DataCell() {
    }

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public DataCell materializeDataCell() {
        return this;
    }

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        final DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        if (getClass() == other.getClass()) {
            return equalsDataCell(other);
        }
        return equalContent(other);
    }

    /** Called with a non-missing cell of the same class. */
    protected abstract boolean equalsDataCell(DataCell dc);

    /** Compares with a value of another class; false unless a cell knows better. */
    protected boolean equalContent(final DataValue otherValue) {
        return false;
    }

    @Override
    public abstract int hashCode();

    @Override
    public abstract String toString();
}
