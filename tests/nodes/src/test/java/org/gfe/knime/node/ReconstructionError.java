package org.gfe.knime.node;

/**
 * Mean squared reconstruction error in z-score units of the training rows (each column divided by its training
 * standard deviation), so columns in different units weigh alike.
 */
final class ReconstructionError {

    private final double[] mean;
    private final double[] scale;

    ReconstructionError(double[][] trainingRows) {
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
                scale[p] += (row[p] - mean[p]) * (row[p] - mean[p]) / (trainingRows.length - 1);
            }
        }
        for (int p = 0; p < columns; p++) {
            scale[p] = scale[p] > 0 ? Math.sqrt(scale[p]) : 1;
        }
    }

    double of(double[][] actual, double[][] predicted) {
        return meanSquared(standardise(actual), standardise(predicted));
    }

    /** The mean squared difference, in the rows' own units. */
    static double meanSquared(double[][] actual, double[][] predicted) {
        double sum = 0;
        int count = 0;
        for (int m = 0; m < actual.length; m++) {
            for (int p = 0; p < actual[m].length; p++) {
                double error = predicted[m][p] - actual[m][p];
                sum += error * error;
                count++;
            }
        }
        return sum / count;
    }

    /** The rows in z-score units of the training rows. */
    double[][] standardise(double[][] rows) {
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
    double ofColumnMeans(double[][] actual) {
        double[][] means = new double[actual.length][];
        for (int m = 0; m < actual.length; m++) {
            means[m] = mean.clone();
        }
        return of(actual, means);
    }
}
