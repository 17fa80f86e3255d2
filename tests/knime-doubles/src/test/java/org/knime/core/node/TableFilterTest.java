package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.data.container.filter.CloseableDataRowIterable;
import org.knime.core.data.container.filter.TableFilter;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;

/** TableFilter and BufferedDataTable.filter: row ranges, validation, progress; all cells stay (row-based tables). */
class TableFilterTest {
    private static final DataTableSpec SPEC = new DataTableSpec(new String[]{"a", "b", "c"},
        new DataType[]{DoubleCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});

    private final List<Double> m_progress = new ArrayList<>();

    private final List<String> m_messages = new ArrayList<>();

    private final ExecutionContext m_exec = new ExecutionContext(new ProgressNode.Root(() -> false, (v, m) -> {
        m_progress.add(v);
        m_messages.add(m);
    }));

    private BufferedDataTable table(final int rows) {
        final BufferedDataContainer c = m_exec.createDataContainer(SPEC);
        for (int i = 0; i < rows; i++) {
            c.addRowToTable(new DefaultRow("Row" + i, new DoubleCell(i), new StringCell("s" + i), new DoubleCell(-i)));
        }
        c.close();
        return c.getTable();
    }

    private static List<String> keys(final Iterable<DataRow> rows) {
        final List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r.getKey().getString()));
        return keys;
    }

    @Test
    void factoriesAndBuilderHoldWhatTheySay() {
        final TableFilter cols = TableFilter.materializeCols(SPEC, "c", "a");
        assertEquals(Optional.of(Set.of(0, 2)), cols.getMaterializeColumnIndices());
        assertEquals(Optional.empty(), cols.getFromRowIndex());
        final TableFilter range = TableFilter.filterRangeOfRows(2, 5);
        assertEquals(Optional.of(2L), range.getFromRowIndex());
        assertEquals(Optional.of(5L), range.getToRowIndex());
        assertEquals(Optional.empty(), range.getMaterializeColumnIndices());
        final TableFilter both = new TableFilter.Builder(range).withMaterializeColumnIndices(1).build();
        assertEquals(Optional.of(Set.of(1)), both.getMaterializeColumnIndices());
        assertEquals(Optional.of(5L), both.getToRowIndex());
        assertEquals(Optional.of(3L), TableFilter.filterRowsFromIndex(3).getFromRowIndex());
        assertEquals(Optional.of(3L), TableFilter.filterRowsToIndex(3).getToRowIndex());

        assertThrows(IllegalArgumentException.class, () -> TableFilter.materializeCols(SPEC, "nope"));
        assertThrows(IllegalArgumentException.class, () -> TableFilter.materializeCols(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> TableFilter.filterRowsFromIndex(-1));
        assertThrows(IllegalArgumentException.class, () -> TableFilter.filterRangeOfRows(5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TableFilter.Builder().withToRowIndex(1).withFromRowIndex(2));
    }

    @Test
    void filterKeepsTheRowRangeAndEveryCell() {
        final BufferedDataTable t = table(6);
        final CloseableDataRowIterable all = t.filter(TableFilter.materializeCols(SPEC, "b"));
        assertEquals(List.of("Row0", "Row1", "Row2", "Row3", "Row4", "Row5"), keys(all));
        try (CloseableRowIterator it = all.iterator()) {
            final DataRow first = it.next();
            assertEquals(3, first.getNumCells(), "KNIME's row-based tables return all cells");
            assertEquals(new DoubleCell(0), first.getCell(0));
        }
        assertEquals(List.of("Row2", "Row3", "Row4"), keys(t.filter(TableFilter.filterRangeOfRows(2, 4))));
        assertEquals(List.of("Row4", "Row5"), keys(t.filter(TableFilter.filterRowsFromIndex(4))));
        assertEquals(List.of(), keys(t.filter(TableFilter.filterRowsFromIndex(9))), "a start beyond the end is allowed");
        assertEquals(List.of("Row0", "Row1"), keys(t.filter(TableFilter.filterRowsToIndex(1))));
        assertEquals(keys(all), keys(all), "iterable more than once");
    }

    @Test
    void filterValidatesAgainstTheTable() {
        final BufferedDataTable t = table(3);
        assertThrows(IndexOutOfBoundsException.class, () -> t.filter(TableFilter.filterRowsToIndex(3)));
        assertThrows(IndexOutOfBoundsException.class, () -> t.filter(TableFilter.materializeCols(0, 3)));
        assertThrows(IllegalArgumentException.class, () -> t.filter(null));
        m_exec.clearTable(t);
        final CloseableDataRowIterable cleared = t.filter(TableFilter.materializeCols(0));
        assertThrows(IllegalStateException.class, cleared::iterator);
    }

    @Test
    void filterReportsProgressPerRowOfTheRange() {
        final BufferedDataTable t = table(10);
        try (CloseableRowIterator it = t.filter(TableFilter.filterRangeOfRows(5, 8), m_exec.createSubProgress(1))
            .iterator()) {
            while (it.hasNext()) {
                it.next();
            }
            it.close();
            assertFalse(it.hasNext());
        }
        assertEquals(1.0, m_progress.get(m_progress.size() - 1), 1e-12);
        assertEquals("Row 4/4 (Row8)", m_messages.get(m_messages.size() - 1));
        assertTrue(m_messages.contains("Row 1/4 (Row5)"), m_messages::toString);
    }
}
