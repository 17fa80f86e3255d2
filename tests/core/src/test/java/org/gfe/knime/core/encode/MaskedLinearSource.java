package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.LossAndGradient;

/**
 * Test source: a linear decoder D(z) = W z + b with MSE over each row's present cells only (NaN = missing),
 * l_m = sum_p mask (D(z)_p - y_p)^2 / present_m, in float64.
 */
final class MaskedLinearSource implements ObjectiveSource {

    final double[][] weights;
    final double[] bias;

    MaskedLinearSource(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    double[] decode(double[] z) {
        double[] out = bias.clone();
        for (int p = 0; p < out.length; p++) {
            for (int i = 0; i < z.length; i++) {
                out[p] += weights[p][i] * z[i];
            }
        }
        return out;
    }

    @Override
    public int columnCount() {
        return bias.length;
    }

    @Override
    public int latentDimension() {
        return weights[0].length;
    }

    @Override
    public DataType precision() {
        return DataType.FLOAT64;
    }

    @Override
    public LatentObjective objective(NDManager manager, double[][] rows) {
        return new Objective(manager, rows);
    }

    private final class Objective implements LatentObjective {
        private final NDManager manager;
        private final double[][] rows;
        private final NDArray w;
        private final NDArray b;
        private final NDArray y;
        private final NDArray mask;
        private final NDArray present;

        Objective(NDManager manager, double[][] rows) {
            this.manager = manager;
            this.rows = rows;
            int p = bias.length;
            double[] flatW = new double[p * latentDimension()];
            for (int i = 0; i < p; i++) {
                System.arraycopy(weights[i], 0, flatW, i * latentDimension(), latentDimension());
            }
            w = manager.create(flatW, new Shape(p, latentDimension()));
            b = manager.create(bias);
            double[] flatY = new double[rows.length * p];
            double[] flatMask = new double[rows.length * p];
            double[] counts = new double[rows.length];
            for (int m = 0; m < rows.length; m++) {
                for (int i = 0; i < p; i++) {
                    boolean isPresent = !Double.isNaN(rows[m][i]);
                    flatY[m * p + i] = isPresent ? rows[m][i] : 0;
                    flatMask[m * p + i] = isPresent ? 1 : 0;
                    counts[m] += isPresent ? 1 : 0;
                }
            }
            y = manager.create(flatY, new Shape(rows.length, p));
            mask = manager.create(flatMask, new Shape(rows.length, p));
            present = manager.create(counts, new Shape(rows.length, 1));
        }

        private NDArray residual(NDArray z) {
            return z.matMul(w.transpose()).add(b).sub(y).mul(mask);
        }

        @Override
        public int rowCount() {
            return rows.length;
        }

        @Override
        public int latentDimension() {
            return MaskedLinearSource.this.latentDimension();
        }

        @Override
        public NDArray rowLosses(NDArray z) {
            return residual(z).square().div(present).sum(new int[] {1});
        }

        @Override
        public LossAndGradient lossAndGradient(NDArray z) {
            NDArray r = residual(z);
            return new LossAndGradient(r.square().div(present).sum(new int[] {1}),
                    r.div(present).matMul(w).mul(2));
        }

        @Override
        public NDArray hessianVectorProduct(NDArray z, NDArray v) {
            return v.matMul(w.transpose()).mul(mask).div(present).matMul(w).mul(2);
        }

        @Override
        public LatentObjective restrictTo(int[] subset) {
            double[][] picked = new double[subset.length][];
            for (int i = 0; i < subset.length; i++) {
                picked[i] = rows[subset[i]];
            }
            return new Objective(manager, picked);
        }
    }
}
