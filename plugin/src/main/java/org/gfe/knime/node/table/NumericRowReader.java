package org.gfe.knime.node.table;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;

/**
 * Reads chosen numeric cells of a row into a {@code double[]}: a missing cell becomes NaN (the core's "missing"). A
 * cell that holds NaN or an infinite number is refused with the row and column named: it is not marked missing, so
 * the user should decide what it means.
 */
public final class NumericRowReader {

    private final int[] columns;
    private final String[] names;

    /** @param columns indices of the cells to read; @param names their column names, for messages */
    public NumericRowReader(int[] columns, String[] names) {
        this.columns = columns.clone();
        this.names = names.clone();
    }

    public int width() {
        return columns.length;
    }

    public String columnName(int i) {
        return names[i];
    }

    /** The row's values; NaN for each missing cell. */
    public double[] read(DataRow row) throws InvalidSettingsException {
        double[] values = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            DataCell cell = row.getCell(columns[i]);
            if (cell.isMissing()) {
                values[i] = Double.NaN;
                continue;
            }
            double value = ((DoubleValue) cell).getDoubleValue();
            if (!Double.isFinite(value)) {
                throw new InvalidSettingsException("Row '" + row.getKey().getString() + "', column '" + names[i]
                        + "' holds " + value + ", which GFE cannot use. Replace it by a finite number or by a missing"
                        + " value (e.g. with the Math Formula or Missing Value node).");
            }
            values[i] = value;
        }
        return values;
    }

    /** Index (into the read columns) of the first NaN, or -1. */
    public static int firstMissing(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every value is NaN. */
    public static boolean allMissing(double[] values) {
        for (double value : values) {
            if (!Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }
}
