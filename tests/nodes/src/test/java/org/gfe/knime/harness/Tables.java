package org.gfe.knime.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * Builds input tables and reads output tables. Numeric tables use DoubleCell columns, NaN becomes a missing
 * cell and missing cells read back as NaN; row keys are Row0, Row1, ... unless given.
 */
public final class Tables {
    private Tables() {
    }

    private static ExecutionContext exec() {
        return new ExecutionProbe().newContext();
    }

    /** A spec of double columns. */
    public static DataTableSpec doubleSpec(final String... columns) {
        final DataType[] types = new DataType[columns.length];
        Arrays.fill(types, DoubleCell.TYPE);
        return new DataTableSpec(columns, types);
    }

    public static DataTableSpec spec(final String[] columns, final DataType[] types) {
        return new DataTableSpec(columns, types);
    }

    /** A table of double columns; NaN gives a missing cell. */
    public static BufferedDataTable of(final String[] columns, final double[][] rows) {
        return of(columns, rows, null);
    }

    /** As {@link #of(String[], double[][])} with the given row keys (null: Row0, Row1, ...). */
    public static BufferedDataTable of(final String[] columns, final double[][] rows, final String[] rowKeys) {
        final List<DataCell[]> cells = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns.length) {
                throw new IllegalArgumentException("Row " + r + " has " + rows[r].length + " values for "
                    + columns.length + " columns");
            }
            final DataCell[] row = new DataCell[columns.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = Double.isNaN(rows[r][c]) ? DataType.getMissingCell() : new DoubleCell(rows[r][c]);
            }
            cells.add(row);
        }
        return of(doubleSpec(columns), cells, rowKeys);
    }

    /** A table of string columns; null gives a missing cell. */
    public static BufferedDataTable ofStrings(final String[] columns, final String[][] rows) {
        final List<DataCell[]> cells = new ArrayList<>();
        for (String[] values : rows) {
            final DataCell[] row = new DataCell[values.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = values[c] == null ? DataType.getMissingCell() : new StringCell(values[c]);
            }
            cells.add(row);
        }
        final DataType[] types = new DataType[columns.length];
        Arrays.fill(types, StringCell.TYPE);
        return of(new DataTableSpec(columns, types), cells, null);
    }

    /** A table with any spec and cells (row keys Row0, ... if {@code rowKeys} is null). */
    public static BufferedDataTable of(final DataTableSpec spec, final List<DataCell[]> rows,
        final String[] rowKeys) {
        final BufferedDataContainer c = exec().createDataContainer(spec);
        for (int r = 0; r < rows.size(); r++) {
            final RowKey key = rowKeys == null ? RowKey.createRowKey((long)r) : new RowKey(rowKeys[r]);
            c.addRowToTable(new DefaultRow(key, rows.get(r)));
        }
        c.close();
        return c.getTable();
    }

    /** Two tables side by side (same row keys); e.g. numeric columns next to a string column. */
    public static BufferedDataTable join(final BufferedDataTable left, final BufferedDataTable right) {
        try {
            return exec().createJoinedTable(left, right, exec());
        } catch (org.knime.core.node.CanceledExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows [from, to) of a table, keys kept (e.g. a train / held-out split). */
    public static BufferedDataTable rows(final BufferedDataTable table, final int from, final int to) {
        final BufferedDataContainer c = exec().createDataContainer(table.getDataTableSpec(), false);
        int i = 0;
        for (DataRow row : table) {
            if (i >= from && i < to) {
                c.addRowToTable(row);
            }
            i++;
        }
        c.close();
        return c.getTable();
    }

    /** Only the given columns, in that order. */
    public static BufferedDataTable select(final BufferedDataTable table, final String... columns) {
        final DataTableSpec spec = table.getDataTableSpec();
        final int[] idx = spec.columnsToIndices(columns);
        final DataColumnSpec[] cols = Arrays.stream(idx).mapToObj(spec::getColumnSpec).toArray(DataColumnSpec[]::new);
        final BufferedDataContainer c = exec().createDataContainer(new DataTableSpec(spec.getName(), cols), false);
        for (DataRow row : table) {
            c.addRowToTable(new DefaultRow(row.getKey(),
                Arrays.stream(idx).mapToObj(row::getCell).toArray(DataCell[]::new)));
        }
        c.close();
        return c.getTable();
    }

    public static String[] columnNames(final DataTable table) {
        return table.getDataTableSpec().getColumnNames();
    }

    public static String[] rowKeys(final DataTable table) {
        final List<String> keys = new ArrayList<>();
        for (DataRow row : table) {
            keys.add(row.getKey().getString());
        }
        return keys.toArray(new String[0]);
    }

    public static int rowCount(final DataTable table) {
        int n = 0;
        for (DataRow ignored : table) {
            n++;
        }
        return n;
    }

    /** All columns as numbers (they must be numeric); missing cells give NaN. */
    public static double[][] toArray(final DataTable table) {
        return toArray(table, columnNames(table));
    }

    /** The given columns as numbers; missing cells give NaN. */
    public static double[][] toArray(final DataTable table, final String... columns) {
        final DataTableSpec spec = table.getDataTableSpec();
        final int[] idx = spec.columnsToIndices(columns);
        for (int i : idx) {
            if (!spec.getColumnSpec(i).getType().isCompatible(DoubleValue.class)) {
                throw new IllegalArgumentException("Column \"" + spec.getColumnSpec(i).getName() + "\" is not numeric ("
                    + spec.getColumnSpec(i).getType() + ")");
            }
        }
        final List<double[]> out = new ArrayList<>();
        for (DataRow row : table) {
            final double[] values = new double[idx.length];
            for (int c = 0; c < idx.length; c++) {
                final DataCell cell = row.getCell(idx[c]);
                values[c] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
            }
            out.add(values);
        }
        return out.toArray(new double[0][]);
    }

    /** One numeric column; missing cells give NaN. */
    public static double[] column(final DataTable table, final String column) {
        return Arrays.stream(toArray(table, column)).mapToDouble(r -> r[0]).toArray();
    }

    /** One column as strings (string cells by value, other cells by toString); missing cells give null. */
    public static String[] strings(final DataTable table, final String column) {
        final int idx = table.getDataTableSpec().columnsToIndices(column)[0];
        final List<String> out = new ArrayList<>();
        for (DataRow row : table) {
            final DataCell cell = row.getCell(idx);
            out.add(cell.isMissing() ? null
                : cell instanceof StringValue ? ((StringValue)cell).getStringValue() : cell.toString());
        }
        return out.toArray(new String[0]);
    }
}
