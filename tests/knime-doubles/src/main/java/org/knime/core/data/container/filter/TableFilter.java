package org.knime.core.data.container.filter;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.knime.core.data.DataTableSpec;

/**
 * Double of KNIME's TableFilter: which columns to materialize and which rows (index range, inclusive) to keep when
 * iterating a BufferedDataTable with {@code filter(...)}. The spec and the row order stay as they are.
 */
public final class TableFilter {
    private final Optional<Set<Integer>> m_columnIndices;

    private final Optional<Long> m_fromRowIndex;

    private final Optional<Long> m_toRowIndex;

    private TableFilter(final Optional<Set<Integer>> columnIndices, final Optional<Long> fromRowIndex,
        final Optional<Long> toRowIndex) {
        m_columnIndices = columnIndices;
        m_fromRowIndex = fromRowIndex;
        m_toRowIndex = toRowIndex;
    }

    /** Empty if all columns are to be materialized. */
    public Optional<Set<Integer>> getMaterializeColumnIndices() {
        return m_columnIndices;
    }

    public Optional<Long> getFromRowIndex() {
        return m_fromRowIndex;
    }

    public Optional<Long> getToRowIndex() {
        return m_toRowIndex;
    }

    /**
     * IndexOutOfBoundsException if the last row index is not below {@code size} (a first index beyond the table is
     * allowed, as in KNIME) or a column index is not one of the spec.
     */
    public void validate(final DataTableSpec spec, final long size) {
        if (m_toRowIndex.isPresent() && m_toRowIndex.get() >= size) {
            throw new IndexOutOfBoundsException("Row index must be smaller than " + size);
        }
        if (m_columnIndices.isPresent()) {
            spec.verifyIndices(m_columnIndices.get().stream().mapToInt(i -> i).toArray());
        }
    }

    /** Only these columns are materialized (KNIME's row-based tables still return all cells). */
    public static TableFilter materializeCols(final int... indices) {
        return new Builder().withMaterializeColumnIndices(indices).build();
    }

    /** Only the named columns; IllegalArgumentException if one is not in the spec. */
    public static TableFilter materializeCols(final DataTableSpec spec, final String... columnNames) {
        return new Builder().withMaterializeColumnIndices(spec.columnsToIndices(columnNames)).build();
    }

    public static TableFilter filterRowsFromIndex(final long index) {
        return new Builder().withFromRowIndex(index).build();
    }

    public static TableFilter filterRowsToIndex(final long index) {
        return new Builder().withToRowIndex(index).build();
    }

    public static TableFilter filterRangeOfRows(final long fromIndex, final long toIndex) {
        return new Builder().withFromRowIndex(fromIndex).withToRowIndex(toIndex).build();
    }

    /** Builds table filters. */
    public static final class Builder {
        private Optional<Set<Integer>> m_columnIndices;

        private Optional<Long> m_fromRowIndex;

        private Optional<Long> m_toRowIndex;

        public Builder() {
            m_columnIndices = Optional.empty();
            m_fromRowIndex = Optional.empty();
            m_toRowIndex = Optional.empty();
        }

        public Builder(final TableFilter filter) {
            m_columnIndices = filter.getMaterializeColumnIndices();
            m_fromRowIndex = filter.getFromRowIndex();
            m_toRowIndex = filter.getToRowIndex();
        }

        /** IllegalArgumentException for null or duplicate indices. */
        public Builder withMaterializeColumnIndices(final int... indices) {
            if (indices == null) {
                throw new IllegalArgumentException("Argument must not be null");
            }
            final Set<Integer> set = new HashSet<>();
            for (int index : indices) {
                if (!set.add(index)) {
                    throw new IllegalArgumentException("Duplicate index: " + index);
                }
            }
            m_columnIndices = Optional.of(set);
            return this;
        }

        public Builder withFromRowIndex(final long index) {
            if (index < 0) {
                throw new IndexOutOfBoundsException("Row index must be at least 0.");
            }
            if (m_toRowIndex.isPresent() && index > m_toRowIndex.get()) {
                throw new IllegalArgumentException("Row index to filter from cannot be higher than row index to filter to.");
            }
            m_fromRowIndex = Optional.of(index);
            return this;
        }

        public Builder withToRowIndex(final long index) {
            if (index < 0) {
                throw new IndexOutOfBoundsException("Row index must be at least 0.");
            }
            if (m_fromRowIndex.isPresent() && m_fromRowIndex.get() > index) {
                throw new IllegalArgumentException("Row index to filter from cannot be higher than row index to filter to.");
            }
            m_toRowIndex = Optional.of(index);
            return this;
        }

        public TableFilter build() {
            return new TableFilter(m_columnIndices, m_fromRowIndex, m_toRowIndex);
        }
    }
}
