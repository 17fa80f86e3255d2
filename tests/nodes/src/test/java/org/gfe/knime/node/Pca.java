package org.gfe.knime.node;

/**
 * Principal component analysis for comparing reconstruction errors: the leading eigenvectors of the training rows'
 * covariance by power iteration with deflation (enough for a handful of components of a 100-column table).
 */
final class Pca {

    private static final int ITERATIONS = 2000;

    private final double[] mean;
    private final double[][] components;

    private Pca(double[] mean, double[][] components) {
        this.mean = mean;
        this.components = components;
    }

    static Pca fit(double[][] rows, int count) {
        int columns = rows[0].length;
        double[] mean = new double[columns];
        for (double[] row : rows) {
            for (int p = 0; p < columns; p++) {
                mean[p] += row[p] / rows.length;
            }
        }
        double[][] covariance = new double[columns][columns];
        for (double[] row : rows) {
            for (int p = 0; p < columns; p++) {
                for (int q = 0; q < columns; q++) {
                    covariance[p][q] += (row[p] - mean[p]) * (row[q] - mean[q]) / (rows.length - 1);
                }
            }
        }
        double[][] components = new double[count][];
        for (int k = 0; k < count; k++) {
            double[] v = new double[columns];
            for (int p = 0; p < columns; p++) {
                v[p] = 1 + 0.01 * p; // not orthogonal to any leading direction of real data
            }
            double eigenvalue = 0;
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                double[] next = multiply(covariance, v);
                eigenvalue = norm(next);
                for (int p = 0; p < columns; p++) {
                    v[p] = next[p] / eigenvalue;
                }
            }
            components[k] = v;
            for (int p = 0; p < columns; p++) {
                for (int q = 0; q < columns; q++) {
                    covariance[p][q] -= eigenvalue * v[p] * v[q];
                }
            }
        }
        return new Pca(mean, components);
    }

    /** The rows projected on the components and mapped back. */
    double[][] reconstruct(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            double[] out = mean.clone();
            for (double[] component : components) {
                double score = 0;
                for (int p = 0; p < out.length; p++) {
                    score += (rows[m][p] - mean[p]) * component[p];
                }
                for (int p = 0; p < out.length; p++) {
                    out[p] += score * component[p];
                }
            }
            result[m] = out;
        }
        return result;
    }

    private static double[] multiply(double[][] matrix, double[] v) {
        double[] out = new double[v.length];
        for (int p = 0; p < v.length; p++) {
            double sum = 0;
            for (int q = 0; q < v.length; q++) {
                sum += matrix[p][q] * v[q];
            }
            out[p] = sum;
        }
        return out;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
