package org.gfe.knime.osgi;

/**
 * loss(z) = 0.5 * |tanh(A z) - y|^2 for a fixed 3x2 matrix A and target y: its gradient in z is computed once with
 * DJL's NDArrays (A^T ((1 - tanh^2(A z)) * (tanh(A z) - y))) and once by central finite differences in plain Java.
 */
final class SmallTanhProblem {

    private static final float[] A = {0.5f, -1.0f, 0.25f, 0.75f, -0.6f, 0.3f};
    private static final float[] Z = {0.4f, -0.2f};
    private static final float[] Y = {0.1f, 0.3f, -0.5f};

    private SmallTanhProblem() {
    }

    static float[] gradientWithDjl(DjlReflection djl, Object manager) throws ReflectiveOperationException {
        Object a = djl.create(manager, A, 3, 2);
        Object z = djl.create(manager, Z, 2, 1);
        Object y = djl.create(manager, Y, 3, 1);
        Object t = djl.call(djl.call(a, "matMul", z), "tanh");
        Object residual = djl.call(t, "sub", y);
        Object slope = djl.call(djl.call(djl.call(t, "mul", t), "neg"), "add", 1);
        Object gradient = djl.call(djl.call(a, "transpose"), "matMul", djl.call(slope, "mul", residual));
        return djl.values(gradient);
    }

    static float[] gradientByFiniteDifferences() {
        double h = 1e-4;
        float[] gradient = new float[Z.length];
        for (int j = 0; j < Z.length; j++) {
            double[] plus = toDouble(Z);
            double[] minus = toDouble(Z);
            plus[j] += h;
            minus[j] -= h;
            gradient[j] = (float) ((loss(plus) - loss(minus)) / (2 * h));
        }
        return gradient;
    }

    private static double loss(double[] z) {
        double sum = 0;
        for (int i = 0; i < Y.length; i++) {
            double r = Math.tanh(A[2 * i] * z[0] + A[2 * i + 1] * z[1]) - Y[i];
            sum += r * r;
        }
        return 0.5 * sum;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
