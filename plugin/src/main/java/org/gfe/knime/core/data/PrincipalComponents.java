package org.gfe.knime.core.data;

import java.util.Arrays;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Principal component analysis of a table: the column means and the leading d directions of the centred rows
 * (orthonormal, by decreasing variance), with each component's score standard deviation. Reconstructing a row from
 * its d scores is the best rank-d linear reconstruction of the fitted rows, the baseline GFE must beat.
 *
 * <p>Computed by Hipparchus' symmetric eigendecomposition of whichever is smaller, the P x P covariance or the n x n
 * Gram matrix of the rows (their non-zero spectra agree), so a 40-row table of 400 columns costs a 40 x 40 problem.
 * Missing cells (NaN) count as the column mean when fitting. Directions beyond the data's rank (d > n - 1) are
 * completed with unit directions orthogonal to the others, with score deviation 0. Each direction's sign is fixed
 * (largest-magnitude entry positive) so a fit is repeatable.
 */
public final class PrincipalComponents {

    private final double[] mean;
    /** [d][P], orthonormal rows. */
    private final double[][] components;
    /** Standard deviation of each component's scores over the fitted rows (divisor n). */
    private final double[] scoreDeviations;

    private PrincipalComponents(double[] mean, double[][] components, double[] scoreDeviations) {
        this.mean = mean;
        this.components = components;
        this.scoreDeviations = scoreDeviations;
    }

    /**
     * Fits {@code count} components to the rows.
     *
     * @throws IllegalArgumentException without rows, for rows of different widths, or for a count outside 1..P
     */
    public static PrincipalComponents fit(double[][] rows, int count) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("Principal components need at least one row.");
        }
        int columns = rows[0].length;
        if (count < 1 || count > columns) {
            throw new IllegalArgumentException("The number of principal components must lie in 1.." + columns
                    + " (the number of columns), was " + count + ".");
        }
        int n = rows.length;
        double[] mean = columnMeans(rows, columns);
        double[][] centred = new double[n][columns];
        for (int m = 0; m < n; m++) {
            if (rows[m].length != columns) {
                throw new IllegalArgumentException("Row " + m + " has " + rows[m].length + " values, row 0 has "
                        + columns + ".");
            }
            for (int p = 0; p < columns; p++) {
                double value = rows[m][p];
                centred[m][p] = Double.isNaN(value) ? 0 : value - mean[p];
            }
        }
        RealMatrix x = MatrixUtils.createRealMatrix(centred);
        double[][] directions = new double[count][];
        double[] deviations = new double[count];
        int found;
        if (columns <= n) {
            EigenDecompositionSymmetric eigen = decreasing(x.transposeMultiply(x));
            double[] lambdas = eigen.getEigenvalues();
            found = Math.min(count, columns);
            for (int k = 0; k < found; k++) {
                directions[k] = eigen.getEigenvector(k).toArray();
                deviations[k] = Math.sqrt(Math.max(0, lambdas[k]) / n);
            }
        } else {
            // the right singular vectors from the Gram matrix: v_k = X^T u_k / sqrt(lambda_k)
            EigenDecompositionSymmetric eigen = decreasing(x.multiplyTransposed(x));
            double[] lambdas = eigen.getEigenvalues();
            double largest = Math.max(lambdas[0], 0);
            found = 0;
            for (int k = 0; k < Math.min(count, n); k++) {
                double lambda = lambdas[k];
                if (!(lambda > largest * 1e-12) || lambda <= 0) {
                    break; // beyond the rank: completed below
                }
                double[] v = x.preMultiply(eigen.getEigenvector(k)).toArray();
                scale(v, 1 / Math.sqrt(lambda));
                directions[found] = v;
                deviations[found] = Math.sqrt(lambda / n);
                found++;
            }
        }
        for (int k = 0; k < found; k++) {
            fixSign(directions[k]);
        }
        completeBasis(directions, found, columns);
        return new PrincipalComponents(mean, directions, deviations);
    }

    /** Number of components d. */
    public int count() {
        return components.length;
    }

    /** Number of columns P. */
    public int columnCount() {
        return mean.length;
    }

    /** The column means of the fitted rows (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    /** The components as rows of length P, orthonormal, by decreasing variance (copies). */
    public double[][] components() {
        double[][] copy = new double[components.length][];
        Arrays.setAll(copy, k -> components[k].clone());
        return copy;
    }

    /** Standard deviation of each component's scores over the fitted rows (divisor n; 0 beyond the rank). */
    public double[] scoreDeviations() {
        return scoreDeviations.clone();
    }

    /** The scores of a complete row: its centred values projected on the components. */
    public double[] scores(double[] row) {
        double[] scores = new double[components.length];
        for (int k = 0; k < components.length; k++) {
            double sum = 0;
            for (int p = 0; p < mean.length; p++) {
                sum += (row[p] - mean[p]) * components[k][p];
            }
            scores[k] = sum;
        }
        return scores;
    }

    /** The rows rebuilt from their d scores (mean + scores times components). */
    public double[][] reconstruct(double[][] rows) {
        double[][] result = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            double[] scores = scores(rows[m]);
            double[] out = mean.clone();
            for (int k = 0; k < components.length; k++) {
                for (int p = 0; p < out.length; p++) {
                    out[p] += scores[k] * components[k][p];
                }
            }
            result[m] = out;
        }
        return result;
    }

    private static EigenDecompositionSymmetric decreasing(RealMatrix symmetric) {
        return new EigenDecompositionSymmetric(symmetric, EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
    }

    private static double[] columnMeans(double[][] rows, int columns) {
        double[] sum = new double[columns];
        int[] present = new int[columns];
        for (double[] row : rows) {
            for (int p = 0; p < Math.min(columns, row.length); p++) {
                if (!Double.isNaN(row[p])) {
                    sum[p] += row[p];
                    present[p]++;
                }
            }
        }
        for (int p = 0; p < columns; p++) {
            sum[p] = present[p] == 0 ? 0 : sum[p] / present[p];
        }
        return sum;
    }

    /** Largest-magnitude entry positive, so the same data always gives the same directions. */
    private static void fixSign(double[] v) {
        int largest = 0;
        for (int p = 1; p < v.length; p++) {
            if (Math.abs(v[p]) > Math.abs(v[largest])) {
                largest = p;
            }
        }
        if (v[largest] < 0) {
            scale(v, -1);
        }
    }

    /** Fills directions[found..] with unit vectors orthogonal to the rest (Gram-Schmidt on the unit axes). */
    private static void completeBasis(double[][] directions, int found, int columns) {
        int filled = found;
        for (int axis = 0; axis < columns && filled < directions.length; axis++) {
            double[] v = new double[columns];
            v[axis] = 1;
            for (int k = 0; k < filled; k++) {
                double dot = 0;
                for (int p = 0; p < columns; p++) {
                    dot += v[p] * directions[k][p];
                }
                for (int p = 0; p < columns; p++) {
                    v[p] -= dot * directions[k][p];
                }
            }
            double norm = Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
            if (norm > 1e-6) {
                scale(v, 1 / norm);
                directions[filled++] = v;
            }
        }
    }

    private static void scale(double[] v, double factor) {
        for (int p = 0; p < v.length; p++) {
            v[p] *= factor;
        }
    }
}
