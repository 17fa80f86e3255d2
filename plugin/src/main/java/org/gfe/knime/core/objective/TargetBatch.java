package org.gfe.knime.core.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of rows as loss targets: NaN (a missing cell) becomes 0 in the targets and 0 in the mask (1 = present).
 * The mask is null when no cell is missing, so complete data pays nothing for masking.
 *
 * @param targets shape {@code [rows, columns]}
 * @param mask same shape, or null
 */
public record TargetBatch(NDArray targets, NDArray mask) {

    /**
     * The targets of the rows (already normalised), in {@code manager} and the given precision.
     *
     * @throws IllegalArgumentException for no rows, a row of the wrong width or an infinite value
     */
    public static TargetBatch of(NDManager manager, double[][] rows, int columns, DataType precision) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("A batch needs at least one row.");
        }
        int n = rows.length;
        double[] values = new double[n * columns];
        double[] present = null;
        for (int m = 0; m < n; m++) {
            if (rows[m] == null || rows[m].length != columns) {
                throw new IllegalArgumentException("Row " + m + " of the batch has "
                        + (rows[m] == null ? 0 : rows[m].length) + " values but the decoder has " + columns
                        + " outputs.");
            }
            for (int p = 0; p < columns; p++) {
                double value = rows[m][p];
                if (Double.isNaN(value)) {
                    if (present == null) {
                        present = new double[n * columns];
                        java.util.Arrays.fill(present, 1);
                    }
                    present[m * columns + p] = 0;
                } else if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Row " + m + ", column " + p + " of the batch is infinite;"
                            + " replace it or mark the cell missing.");
                } else {
                    values[m * columns + p] = value;
                }
            }
        }
        Shape shape = new Shape(n, columns);
        return new TargetBatch(array(manager, values, shape, precision),
                present == null ? null : array(manager, present, shape, precision));
    }

    private static NDArray array(NDManager manager, double[] values, Shape shape, DataType precision) {
        if (precision == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        if (precision != DataType.FLOAT32) {
            throw new IllegalArgumentException("Targets are FLOAT32 or FLOAT64, not " + precision + ".");
        }
        float[] single = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            single[i] = (float) values[i];
        }
        return manager.create(single, shape);
    }
}
