package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Conversions between batch arrays and Java arrays, shared by the integrators. */
public final class BatchArrays {

    private BatchArrays() {
    }

    /** The rows of a {@code [rows, columns]} array as doubles (exact for float32 and float64 arrays). */
    public static double[][] toRows(NDArray array) {
        int rows = (int) array.getShape().get(0);
        int columns = (int) array.getShape().get(1);
        double[] flat = toVector(array);
        double[][] result = new double[rows][columns];
        for (int m = 0; m < rows; m++) {
            System.arraycopy(flat, m * columns, result[m], 0, columns);
        }
        return result;
    }

    /** A vector as doubles (exact for float32 and float64 arrays). */
    public static double[] toVector(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        if (array.getDataType() == DataType.FLOAT32) {
            // widened in Java: no native conversion op
            float[] single = array.toFloatArray();
            double[] wide = new double[single.length];
            for (int i = 0; i < single.length; i++) {
                wide[i] = single[i];
            }
            return wide;
        }
        try (NDArray converted = array.toType(DataType.FLOAT64, true)) {
            return converted.toDoubleArray();
        }
    }

    /** A {@code [rows, 1]} column holding one value per row, in the given type (values rounded to it). */
    public static NDArray column(NDManager manager, double[] values, DataType type) {
        return inType(manager, values, new Shape(values.length, 1), type);
    }

    /** A vector holding the values, in the given type (values rounded to it). */
    public static NDArray vector(NDManager manager, double[] values, DataType type) {
        return inType(manager, values, new Shape(values.length), type);
    }

    /**
     * Values as an array of the given type. float32 is created directly from Java floats (the cast rounds to nearest
     * as a native conversion would), which saves a native conversion op per call in the solvers' inner loops.
     */
    private static NDArray inType(NDManager manager, double[] values, Shape shape, DataType type) {
        if (type == DataType.FLOAT32) {
            float[] single = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                single[i] = (float) values[i];
            }
            return manager.create(single, shape);
        }
        NDArray array = manager.create(values, shape);
        return type == DataType.FLOAT64 ? array : array.toType(type, false);
    }

    /** A {@code [rows, columns]} array from Java rows, in the given type. */
    public static NDArray fromRows(NDManager manager, double[][] rows, DataType type) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int m = 0; m < rows.length; m++) {
            System.arraycopy(rows[m], 0, flat, m * columns, columns);
        }
        return inType(manager, flat, new Shape(rows.length, columns), type);
    }

    /** Same time for every row. */
    static double[] times(int rows, double t) {
        double[] times = new double[rows];
        java.util.Arrays.fill(times, t);
        return times;
    }
}
