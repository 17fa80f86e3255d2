package org.gfe.knime.bench;

import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/** PCA with d components (Hipparchus SVD of the centred training rows): the linear baseline for reconstruction. */
final class PrincipalComponents {

    private final double[] mean;
    private final RealMatrix components; // P x d

    PrincipalComponents(double[][] training, int d) {
        int p = training[0].length;
        mean = new double[p];
        for (double[] row : training) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / training.length;
            }
        }
        RealMatrix centred = MatrixUtils.createRealMatrix(training.length, p);
        for (int i = 0; i < training.length; i++) {
            for (int j = 0; j < p; j++) {
                centred.setEntry(i, j, training[i][j] - mean[j]);
            }
        }
        components = new SingularValueDecomposition(centred).getV().getSubMatrix(0, p - 1, 0, d - 1);
    }

    /** Projects on the components and back. */
    double[][] reconstruct(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] centred = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                centred[j] = rows[i][j] - mean[j];
            }
            double[] code = components.preMultiply(centred);
            double[] back = components.operate(code);
            for (int j = 0; j < mean.length; j++) {
                back[j] += mean[j];
            }
            out[i] = back;
        }
        return out;
    }
}
