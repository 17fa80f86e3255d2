package org.gfe.knime.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;

/** Table builders and readers, and the CSV loader on the shipped tecator data. */
class TablesTest {
    @Test
    void numericTablesRoundTripWithNaNAsMissing() {
        final double[][] values = {{1, Double.NaN}, {-2.5, 3}};
        final BufferedDataTable t = Tables.of(new String[]{"a", "b"}, values);
        assertTrue(t.iterator().next().getCell(1).isMissing());
        final double[][] back = Tables.toArray(t);
        assertArrayEquals(values[0], back[0]);
        assertArrayEquals(values[1], back[1]);
        assertArrayEquals(new String[]{"Row0", "Row1"}, Tables.rowKeys(t));
        assertArrayEquals(new double[]{Double.NaN, 3}, Tables.column(t, "b"));
        assertArrayEquals(new double[][]{{-2.5}}, Tables.toArray(Tables.rows(Tables.select(t, "a"), 1, 2)));
    }

    @Test
    void stringTablesAndJoins() {
        final BufferedDataTable s = Tables.ofStrings(new String[]{"s"}, new String[][]{{"x"}, {null}});
        assertArrayEquals(new String[]{"x", null}, Tables.strings(s, "s"));
        final BufferedDataTable joined = Tables.join(Tables.of(new String[]{"n"}, new double[][]{{1}, {2}}), s);
        assertArrayEquals(new String[]{"n", "s"}, Tables.columnNames(joined));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.toArray(joined));
        assertTrue(e.getMessage().contains("\"s\""), e.getMessage());
    }

    @Test
    void tecatorLoadsAsNumericTable() throws Exception {
        final BufferedDataTable t = CsvTables.tecator();
        assertEquals(215, t.size());
        assertEquals(103, t.getDataTableSpec().getNumColumns());
        assertEquals("A001", t.getDataTableSpec().getColumnSpec(0).getName());
        assertEquals("protein", t.getDataTableSpec().getColumnSpec(102).getName());
        assertTrue(t.getDataTableSpec().stream().allMatch(c -> c.getType().isCompatible(DoubleValue.class)));
        assertEquals(2.61776, Tables.toArray(t)[0][0], 0);
    }

    @Test
    void csvWriteAndReadBack(@TempDir final Path dir) throws Exception {
        final BufferedDataTable t = Tables.join(Tables.of(new String[]{"n"}, new double[][]{{1.5}, {Double.NaN}}),
            Tables.ofStrings(new String[]{"s, with comma"}, new String[][]{{"a \"q\""}, {null}}));
        final Path csv = dir.resolve("t.csv");
        CsvTables.write(t, csv);
        final BufferedDataTable back = CsvTables.read(csv);
        assertArrayEquals(new double[]{1.5, Double.NaN}, Tables.column(back, "n"));
        assertArrayEquals(new String[]{"a \"q\"", null}, Tables.strings(back, "s, with comma"));
        assertTrue(Files.readString(csv).startsWith("\"n\",\"s, with comma\""));
    }
}
