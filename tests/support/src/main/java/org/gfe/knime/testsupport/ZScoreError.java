package org.gfe.knime.testsupport;

/**
 * Mean squared reconstruction error per cell in z-score units of the training rows (each column less its training
 * mean, divided by its training standard deviation with divisor n, as GFE's z-score normalisation does), so columns
 * in different units weigh alike and a model's MSE loss reads in the same units. Missing cells (NaN) in the actual
 * rows are left out. The one such measure of the tests and the benchmarks.
 */
public final class ZScoreError {

    private final double[] mean;
    private final double[] scale;

    /** Fits the means and deviations on complete training rows. */
    public ZScoreError(double[][] trainingRows) {
        int columns = trainingRows[0].length;
        mean = new double[columns];
        scale = new double[columns];
        for (double[] row : trainingRows) {
            for (int p = 0; p < columns; p++) {
                mean[p] += row[p] / trainingRows.length;
            }
        }
        for (double[] row : trainingRows) {
            for (int p = 0; p < columns; p++) {
                scale[p] += (row[p] - mean[p]) * (row[p] - mean[p]) / trainingRows.length;
            }
        }
        for (int p = 0; p < columns; p++) {
            scale[p] = scale[p] > 0 ? Math.sqrt(scale[p]) : 1;
        }
    }

    /** The error of {@code predicted} for {@code actual}, both in original units. */
    public double of(double[][] actual, double[][] predicted) {
        return meanSquared(standardise(actual), standardise(predicted));
    }

    /** The mean squared difference over the cells present in {@code actual}, in the rows' own units. */
    public static double meanSquared(double[][] actual, double[][] predicted) {
        double sum = 0;
        long count = 0;
        for (int m = 0; m < actual.length; m++) {
            for (int p = 0; p < actual[m].length; p++) {
                if (!Double.isNaN(actual[m][p])) {
                    double error = predicted[m][p] - actual[m][p];
                    sum += error * error;
                    count++;
                }
            }
        }
        return sum / count;
    }

    /** The rows in z-score units of the training rows. */
    public double[][] standardise(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            result[m] = new double[rows[m].length];
            for (int p = 0; p < rows[m].length; p++) {
                result[m][p] = (rows[m][p] - mean[p]) / scale[p];
            }
        }
        return result;
    }

    /** The error of predicting every row by the training column means. */
    public double ofColumnMeans(double[][] actual) {
        double[][] means = new double[actual.length][];
        for (int m = 0; m < actual.length; m++) {
            means[m] = mean.clone();
        }
        return of(actual, means);
    }
}
