package org.gfe.knime.core.decoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Central finite differences in double precision, and a comparison that reports the first bad component. */
public final class FiniteDifferences {

    /** Step of the central differences: small against the functions' scale, large against round-off in float64. */
    public static final double STEP = 1e-6;

    private FiniteDifferences() {
    }

    /** The gradient of f at x, component by component. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += STEP;
            minus[i] -= STEP;
            result[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * STEP);
        }
        return result;
    }

    /** The derivative of a vector-valued g at x along the direction v. */
    public static double[] directional(Function<double[], double[]> g, double[] x, double[] v) {
        double[] plus = x.clone();
        double[] minus = x.clone();
        for (int i = 0; i < x.length; i++) {
            plus[i] += STEP * v[i];
            minus[i] -= STEP * v[i];
        }
        double[] high = g.apply(plus);
        double[] low = g.apply(minus);
        double[] result = new double[high.length];
        for (int i = 0; i < high.length; i++) {
            result[i] = (high[i] - low[i]) / (2 * STEP);
        }
        return result;
    }

    /** Asserts agreement to {@code tolerance} relative to the larger of 1 and the expected vector's largest entry. */
    public static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 1;
        for (double value : expected) {
            scale = Math.max(scale, Math.abs(value));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * scale, what + ": component " + i);
        }
    }

    /** Concatenates arrays. */
    public static double[] flatten(Iterable<double[]> parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Splits a flat vector into arrays of the sizes of {@code like}. */
    public static java.util.List<double[]> split(double[] flat, java.util.List<double[]> like) {
        java.util.List<double[]> parts = new java.util.ArrayList<>();
        int at = 0;
        for (double[] part : like) {
            parts.add(java.util.Arrays.copyOfRange(flat, at, at + part.length));
            at += part.length;
        }
        return parts;
    }
}
