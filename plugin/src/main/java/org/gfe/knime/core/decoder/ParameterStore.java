package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gfe.knime.core.engine.DjlRuntime;

/**
 * The parameter arrays W1, b1, W2, b2, ... of a decoder in their own NDManager: creation from Java values (checked
 * against the expected shapes), PyTorch's default uniform initialisation, copies out, and storage (float32 values as
 * 4 bytes).
 */
final class ParameterStore implements AutoCloseable {

    private final DataType precision;
    private final NDManager manager;
    private final NDArray[] arrays;

    /**
     * @param shapes the shape of each parameter array, in order
     * @param owner names the decoder in error messages
     */
    ParameterStore(List<double[]> values, Shape[] shapes, DataType precision, String owner) {
        requirePrecision(precision);
        if (values == null || values.size() != shapes.length) {
            throw new IllegalArgumentException("The decoder " + owner + " has " + shapes.length
                    + " parameter arrays (W1, b1, W2, b2, ...), got " + (values == null ? 0 : values.size()) + ".");
        }
        for (int i = 0; i < shapes.length; i++) {
            double[] array = values.get(i);
            if (array == null || array.length != shapes[i].size()) {
                throw new IllegalArgumentException("Parameter " + name(i) + " of the decoder " + owner + " needs "
                        + shapes[i].size() + " values, got " + (array == null ? "none" : array.length) + ".");
            }
        }
        this.precision = precision;
        this.manager = DjlRuntime.newManager();
        this.arrays = new NDArray[shapes.length];
        try {
            for (int i = 0; i < shapes.length; i++) {
                arrays[i] = create(values.get(i), shapes[i]);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** "W1", "b1", "W2", ... for parameter index i. */
    static String name(int index) {
        return (index % 2 == 0 ? "W" : "b") + (index / 2 + 1);
    }

    /**
     * PyTorch's default initialisation of Linear and Conv layers: W_k and b_k ~ U(-1/sqrt(fan_in_k),
     * 1/sqrt(fan_in_k)), drawn in parameter order from one generator seeded with {@code seed}.
     */
    static List<double[]> uniform(long seed, Shape[] shapes, int[] fanIns) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> values = new ArrayList<>(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            double bound = 1 / Math.sqrt(fanIns[i / 2]);
            double[] array = new double[Math.toIntExact(shapes[i].size())];
            for (int j = 0; j < array.length; j++) {
                array[j] = (2 * random.nextDouble() - 1) * bound;
            }
            values.add(array);
        }
        return values;
    }

    DataType precision() {
        return precision;
    }

    NDArray get(int index) {
        return arrays[index];
    }

    NDList all() {
        return new NDList(arrays.clone());
    }

    List<double[]> values() {
        List<double[]> values = new ArrayList<>(arrays.length);
        for (NDArray array : arrays) {
            values.add(toDoubles(array));
        }
        return values;
    }

    /** Writes the value width (4 or 8 bytes) and all values. */
    void write(DataOutput out) throws IOException {
        boolean single = precision == DataType.FLOAT32;
        out.writeByte(single ? 4 : 8);
        for (NDArray array : arrays) {
            if (single) {
                for (float value : array.toFloatArray()) {
                    out.writeFloat(value);
                }
            } else {
                for (double value : array.toDoubleArray()) {
                    out.writeDouble(value);
                }
            }
        }
    }

    /** Reads what {@link #write} wrote, for arrays of the given shapes. */
    static List<double[]> read(DataInput in, Shape[] shapes) throws IOException {
        int width = in.readByte();
        if (width != 4 && width != 8) {
            throw new IOException("The stored decoder has an unknown value width " + width + ": the data is corrupt.");
        }
        List<double[]> values = new ArrayList<>(shapes.length);
        for (Shape shape : shapes) {
            double[] array = new double[Math.toIntExact(shape.size())];
            for (int i = 0; i < array.length; i++) {
                array[i] = width == 4 ? in.readFloat() : in.readDouble();
            }
            values.add(array);
        }
        return values;
    }

    static void requirePrecision(DataType precision) {
        if (precision != DataType.FLOAT32 && precision != DataType.FLOAT64) {
            throw new IllegalArgumentException("A decoder computes in FLOAT32 or FLOAT64, not " + precision + ".");
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private NDArray create(double[] values, Shape shape) {
        if (precision == DataType.FLOAT64) {
            return manager.create(values, shape);
        }
        float[] single = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            single[i] = (float) values[i];
        }
        return manager.create(single, shape);
    }

    private static double[] toDoubles(NDArray array) {
        if (array.getDataType() == DataType.FLOAT64) {
            return array.toDoubleArray();
        }
        float[] single = array.toFloatArray();
        double[] values = new double[single.length];
        for (int i = 0; i < single.length; i++) {
            values[i] = single[i];
        }
        return values;
    }
}
