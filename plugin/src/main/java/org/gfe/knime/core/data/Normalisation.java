package org.gfe.knime.core.data;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A per-column affine normalisation {@code x' = (x - offset) / scale}, fitted on the training rows and stored with
 * the model, so that encoding applies it and reconstruction inverts it. Immutable.
 *
 * <p>NONE is offset 0, scale 1; MIN_MAX maps the training range to [0, 1]; Z_SCORE subtracts the mean and divides by
 * the population standard deviation. Missing cells (NaN) are ignored when fitting and stay NaN. A column whose present
 * values are all equal gets scale 1, so it never divides by zero.
 */
public final class Normalisation {

    private final NormalisationKind kind;
    private final double[] offsets;
    private final double[] scales;

    private Normalisation(NormalisationKind kind, double[] offsets, double[] scales) {
        this.kind = kind;
        this.offsets = offsets;
        this.scales = scales;
    }

    /**
     * Fits the normalisation on the rows (NaN = missing).
     *
     * @throws IllegalArgumentException if there are no rows, the rows differ in width, a value is infinite, or a
     *         column has no present value
     */
    public static Normalisation fit(NormalisationKind kind, double[][] rows) {
        Objects.requireNonNull(kind, "kind");
        if (rows.length == 0) {
            throw new IllegalArgumentException("Cannot fit a normalisation on zero rows: give at least one row.");
        }
        int columns = rows[0].length;
        ColumnStatistics[] statistics = new ColumnStatistics[columns];
        Arrays.setAll(statistics, p -> new ColumnStatistics());
        for (int m = 0; m < rows.length; m++) {
            requireWidth(rows[m], columns, m);
            for (int p = 0; p < columns; p++) {
                double value = rows[m][p];
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Row " + m + ", column " + p + " is infinite (" + value
                            + "): replace it by a finite value or mark it missing.");
                }
                if (!Double.isNaN(value)) {
                    statistics[p].add(value);
                }
            }
        }
        double[] offsets = new double[columns];
        double[] scales = new double[columns];
        for (int p = 0; p < columns; p++) {
            ColumnStatistics column = statistics[p];
            if (column.count == 0) {
                throw new IllegalArgumentException("Column " + p + " has no value in any of the " + rows.length
                        + " rows (all missing): remove the column or fill it in.");
            }
            switch (kind) {
                case NONE -> {
                    offsets[p] = 0;
                    scales[p] = 1;
                }
                case MIN_MAX -> {
                    offsets[p] = column.min;
                    scales[p] = nonZero(column.max - column.min);
                }
                case Z_SCORE -> {
                    offsets[p] = column.mean;
                    scales[p] = nonZero(Math.sqrt(column.squaredDeviations / column.count));
                }
                default -> throw new IllegalArgumentException("Unknown normalisation " + kind + ".");
            }
        }
        return new Normalisation(kind, offsets, scales);
    }

    /** The identity on {@code columns} columns. */
    public static Normalisation none(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("A normalisation needs at least one column, got " + columns + ".");
        }
        double[] scales = new double[columns];
        Arrays.fill(scales, 1);
        return new Normalisation(NormalisationKind.NONE, new double[columns], scales);
    }

    /** Normalised copies of the rows (original units in); NaN stays NaN. */
    public double[][] apply(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            requireWidth(rows[m], offsets.length, m);
            result[m] = new double[offsets.length];
            for (int p = 0; p < offsets.length; p++) {
                result[m][p] = (rows[m][p] - offsets[p]) / scales[p];
            }
        }
        return result;
    }

    /** Copies of the rows in original units (normalised rows in); the inverse of {@link #apply(double[][])}. */
    public double[][] invert(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            requireWidth(rows[m], offsets.length, m);
            result[m] = new double[offsets.length];
            for (int p = 0; p < offsets.length; p++) {
                result[m][p] = rows[m][p] * scales[p] + offsets[p];
            }
        }
        return result;
    }

    public NormalisationKind kind() {
        return kind;
    }

    public int columnCount() {
        return offsets.length;
    }

    /** Per-column offsets (a copy). */
    public double[] offsets() {
        return offsets.clone();
    }

    /** Per-column scales (a copy), never zero. */
    public double[] scales() {
        return scales.clone();
    }

    /** Writes kind, width, offsets and scales, for {@link #read(DataInput)}. */
    public void write(DataOutput out) throws IOException {
        out.writeUTF(kind.name());
        out.writeInt(offsets.length);
        for (int p = 0; p < offsets.length; p++) {
            out.writeDouble(offsets[p]);
            out.writeDouble(scales[p]);
        }
    }

    /** Reads what {@link #write(DataOutput)} wrote; invalid content is an IOException saying what is wrong. */
    public static Normalisation read(DataInput in) throws IOException {
        String name = in.readUTF();
        NormalisationKind kind;
        try {
            kind = NormalisationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("Unknown normalisation '" + name + "' in the stream.", e);
        }
        int columns = in.readInt();
        if (columns < 1) {
            throw new IOException("Invalid normalisation width " + columns + " in the stream.");
        }
        double[] offsets = new double[columns];
        double[] scales = new double[columns];
        for (int p = 0; p < columns; p++) {
            offsets[p] = in.readDouble();
            scales[p] = in.readDouble();
            if (!Double.isFinite(offsets[p]) || !Double.isFinite(scales[p]) || scales[p] == 0) {
                throw new IOException("Invalid normalisation of column " + p + " in the stream: offset " + offsets[p]
                        + ", scale " + scales[p] + ".");
            }
        }
        return new Normalisation(kind, offsets, scales);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation other && kind == other.kind && Arrays.equals(offsets, other.offsets)
                && Arrays.equals(scales, other.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(offsets), Arrays.hashCode(scales));
    }

    @Override
    public String toString() {
        return "Normalisation[" + kind + ", " + offsets.length + " columns]";
    }

    private static void requireWidth(double[] row, int columns, int index) {
        if (row.length != columns) {
            throw new IllegalArgumentException("Row " + index + " has " + row.length + " values but " + columns
                    + " columns were expected: give every row the same columns.");
        }
    }

    private static double nonZero(double scale) {
        return scale > 0 && Double.isFinite(scale) ? scale : 1;
    }

    /** Running count, extremes, mean and sum of squared deviations (Welford), so large values stay accurate. */
    private static final class ColumnStatistics {
        long count;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double mean;
        double squaredDeviations;

        void add(double value) {
            count++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            double delta = value - mean;
            mean += delta / count;
            squaredDeviations += delta * (value - mean);
        }
    }
}
