package org.gfe.knime.it.driver;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;

/** Reading tables into arrays, and the reconstruction error in z-score units of training rows. */
public final class Tables {

    private Tables() {
    }

    public static List<String> columns(DataTableSpec spec) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            names.add(spec.getColumnSpec(i).getName());
        }
        return names;
    }

    public static List<String> rowKeys(BufferedDataTable table) {
        List<String> keys = new ArrayList<>();
        for (DataRow row : table) {
            keys.add(row.getKey().getString());
        }
        return keys;
    }

    /** The named numeric columns, row by row (NaN for a missing cell). */
    public static double[][] values(BufferedDataTable table, List<String> columns) {
        DataTableSpec spec = table.getDataTableSpec();
        int[] indices = columns.stream().mapToInt(spec::findColumnIndex).toArray();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0) {
                throw new AssertionError("no column '" + columns.get(i) + "' in " + columns(spec));
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (DataRow row : table) {
            double[] values = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                DataCell cell = row.getCell(indices[i]);
                values[i] = cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
            }
            rows.add(values);
        }
        return rows.toArray(new double[0][]);
    }

    /** Latent columns prefix1..prefix{d}. */
    public static List<String> latents(String prefix, int dimension) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= dimension; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Every value as its raw bits, one line per row: for bit-for-bit comparisons across processes. */
    public static List<String> bits(double[][] rows) {
        List<String> lines = new ArrayList<>();
        for (double[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (double value : row) {
                line.append(line.length() == 0 ? "" : " ").append(Long.toHexString(Double.doubleToRawLongBits(value)));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Mean squared error in z-score units of the training rows (so columns in different units weigh alike). */
    public static double zScoreError(double[][] training, double[][] actual, double[][] predicted) {
        int columns = training[0].length;
        double[] mean = new double[columns];
        double[] scale = new double[columns];
        for (double[] row : training) {
            for (int p = 0; p < columns; p++) {
                mean[p] += row[p] / training.length;
            }
        }
        for (double[] row : training) {
            for (int p = 0; p < columns; p++) {
                scale[p] += (row[p] - mean[p]) * (row[p] - mean[p]) / (training.length - 1);
            }
        }
        double sum = 0;
        for (int m = 0; m < actual.length; m++) {
            for (int p = 0; p < columns; p++) {
                double s = scale[p] > 0 ? Math.sqrt(scale[p]) : 1;
                double estimate = predicted == null ? mean[p] : predicted[m][p];
                double error = (estimate - actual[m][p]) / s;
                sum += error * error;
            }
        }
        return sum / ((double)actual.length * columns);
    }
}
