package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Test objective: a linear decoder D(z) = W z + b with MSE (mean over the P features) against target rows, in the
 * type of the codes it is given. Closed forms: grad_z l_m = (2/P) W^T (W z_m + b - y_m), H = (2/P) W^T W per row.
 * Counts its evaluations.
 */
public final class LinearDecoderObjective implements LatentObjective {

    final double[][] weights;
    final double[] bias;
    final double[][] targets;
    public long forwards;
    public long backwards;

    public LinearDecoderObjective(double[][] weights, double[] bias, double[][] targets) {
        this.weights = weights;
        this.bias = bias;
        this.targets = targets;
    }

    public double[][] weights() {
        return weights;
    }

    public double[] bias() {
        return bias;
    }

    public double[][] targets() {
        return targets;
    }

    public int features() {
        return bias.length;
    }

    @Override
    public int rowCount() {
        return targets.length;
    }

    @Override
    public int latentDimension() {
        return weights[0].length;
    }

    private NDArray matrix(NDManager manager, double[][] values, DataType type) {
        double[] flat = new double[values.length * values[0].length];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, flat, i * values[0].length, values[0].length);
        }
        return manager.create(flat, new Shape(values.length, values[0].length)).toType(type, false);
    }

    private NDArray residual(NDArray z) {
        NDManager manager = z.getManager();
        DataType type = z.getDataType();
        NDArray w = matrix(manager, weights, type);
        NDArray b = manager.create(bias).toType(type, false);
        NDArray y = matrix(manager, targets, type);
        return z.matMul(w.transpose()).add(b).sub(y);
    }

    @Override
    public NDArray rowLosses(NDArray z) {
        forwards += rowCount();
        return residual(z).square().mean(new int[] {1});
    }

    @Override
    public LossAndGradient lossAndGradient(NDArray z) {
        forwards += rowCount();
        backwards += rowCount();
        NDArray r = residual(z);
        NDArray w = matrix(z.getManager(), weights, z.getDataType());
        return new LossAndGradient(r.square().mean(new int[] {1}), r.matMul(w).mul(2.0 / features()));
    }

    @Override
    public NDArray hessianVectorProduct(NDArray z, NDArray v) {
        NDArray w = matrix(z.getManager(), weights, z.getDataType());
        return v.matMul(w.transpose()).matMul(w).mul(2.0 / features());
    }

    @Override
    public LinearDecoderObjective restrictTo(int[] rows) {
        double[][] subset = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            subset[i] = targets[rows[i]];
        }
        return new LinearDecoderObjective(weights, bias, subset);
    }

    /** The flow's matrix A = alpha (2/P) W^T W (dz/dt = -A z + c). */
    public double[][] flowMatrix(double alpha) {
        int d = latentDimension();
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int p = 0; p < features(); p++) {
                    s += weights[p][i] * weights[p][j];
                }
                a[i][j] = alpha * 2.0 / features() * s;
            }
        }
        return a;
    }

    /** The flow's constant c = alpha (2/P) W^T (y_m - b) for one row. */
    public double[] flowConstant(int row, double alpha) {
        int d = latentDimension();
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int p = 0; p < features(); p++) {
                s += weights[p][i] * (targets[row][p] - bias[p]);
            }
            c[i] = alpha * 2.0 / features() * s;
        }
        return c;
    }

    /** The least-squares code of a row: solves A z = c. */
    public double[] leastSquares(int row) {
        return DenseMath.solve(flowMatrix(1), flowConstant(row, 1));
    }

    /** The exact loss of a row at a code (double precision). */
    public double loss(int row, double[] z) {
        double s = 0;
        for (int p = 0; p < features(); p++) {
            double r = bias[p] - targets[row][p];
            for (int i = 0; i < z.length; i++) {
                r += weights[p][i] * z[i];
            }
            s += r * r;
        }
        return s / features();
    }

    /** A random well-conditioned problem: P features, d latent dimensions, rows targets. */
    public static LinearDecoderObjective random(long seed, int features, int latent, int rows) {
        java.util.Random random = new java.util.Random(seed);
        double[][] w = new double[features][latent];
        double[] b = new double[features];
        double[][] y = new double[rows][features];
        for (int p = 0; p < features; p++) {
            for (int i = 0; i < latent; i++) {
                w[p][i] = random.nextGaussian();
            }
            b[p] = 0.1 * random.nextGaussian();
        }
        for (int m = 0; m < rows; m++) {
            for (int p = 0; p < features; p++) {
                y[m][p] = random.nextGaussian();
            }
        }
        return new LinearDecoderObjective(w, b, y);
    }
}
