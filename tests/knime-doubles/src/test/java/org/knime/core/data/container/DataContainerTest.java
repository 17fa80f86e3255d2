package org.knime.core.data.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnDomain;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.StringCell;

/** Containers check rows like KNIME's and compute domains on close; rearrangers build the expected specs. */
class DataContainerTest {
    private static final DataTableSpec SPEC =
        new DataTableSpec(new String[]{"d", "s"}, new DataType[]{DoubleCell.TYPE, StringCell.TYPE});

    @Test
    void closeComputesBoundsIgnoringNaNAndPossibleValues() {
        final DataContainer c = new DataContainer(SPEC);
        c.addRowToTable(new DefaultRow("a", new DoubleCell(3), new StringCell("x")));
        c.addRowToTable(new DefaultRow("b", new IntCell(-1), new StringCell("y")));
        c.addRowToTable(new DefaultRow("c", new DoubleCell(Double.NaN), DataType.getMissingCell()));
        c.addRowToTable(new DefaultRow("d", new DoubleCell(7), new StringCell("x")));
        assertThrows(IllegalStateException.class, c::getTable);
        c.close();
        final DataColumnDomain d = c.getTable().getDataTableSpec().getColumnSpec(0).getDomain();
        assertEquals(new IntCell(-1), d.getLowerBound());
        assertEquals(new DoubleCell(7), d.getUpperBound());
        assertNull(d.getValues());
        assertEquals(Set.of(new StringCell("x"), new StringCell("y")),
            c.getTable().getDataTableSpec().getColumnSpec(1).getDomain().getValues());
        assertTrue(c.getTable().getDataTableSpec().equalStructure(SPEC));
        assertFalse(c.getTable().getDataTableSpec().equals(SPEC), "domains differ from the empty ones");
        assertEquals(4, c.size());
    }

    @Test
    void badRowsAreRejectedWithTheirKeyAndColumn() {
        final DataContainer c = new DataContainer(SPEC);
        c.addRowToTable(new DefaultRow("a", new DoubleCell(1), new StringCell("x")));
        final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("a", new DoubleCell(2), new StringCell("y"))));
        assertTrue(dup.getMessage().contains("\"a\""), dup.getMessage());
        final IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
            () -> c.addRowToTable(new DefaultRow("b", new StringCell("1"), new StringCell("y"))));
        assertTrue(type.getMessage().contains("\"d\"") && type.getMessage().contains("\"b\""), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.addRowToTable(new DefaultRow("c", new DoubleCell(1))));
        c.close();
        assertThrows(IllegalStateException.class,
            () -> c.addRowToTable(new DefaultRow("z", new DoubleCell(1), new StringCell("x"))));
    }

    @Test
    void rearrangerOperationsGiveTheExpectedSpec() {
        final DataTableSpec in = new DataTableSpec(new String[]{"a", "b", "c"},
            new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});
        final SingleCellFactory f = new SingleCellFactory(
            new org.knime.core.data.DataColumnSpecCreator("new", IntCell.TYPE).createSpec()) {
        };
        final ColumnRearranger r = new ColumnRearranger(in);
        r.append(f);
        assertArrayEquals(new String[]{"a", "b", "c", "new"}, r.createSpec().getColumnNames());
        r.move(3, 0);
        assertArrayEquals(new String[]{"new", "a", "b", "c"}, r.createSpec().getColumnNames());
        r.move(0, 4);
        assertArrayEquals(new String[]{"a", "b", "c", "new"}, r.createSpec().getColumnNames());
        r.remove("b");
        r.permute(new String[]{"c", "new", "a"});
        assertArrayEquals(new String[]{"c", "new", "a"}, r.createSpec().getColumnNames());
        r.keepOnly("a", "c");
        assertArrayEquals(new String[]{"c", "a"}, r.createSpec().getColumnNames());
        r.replace(f, "a");
        assertArrayEquals(new String[]{"c", "new"}, r.createSpec().getColumnNames());
        assertEquals(1, r.indexOf("new"));
        assertEquals(-1, r.indexOf("a"));
        assertThrows(IllegalArgumentException.class, () -> r.remove("nope"));
    }
}
