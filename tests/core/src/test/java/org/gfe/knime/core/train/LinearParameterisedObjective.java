package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.flow.LinearDecoderObjective;
import org.gfe.knime.core.flow.LossAndGradient;
import org.gfe.knime.core.objective.ParameterisedObjective;

/**
 * The linear decoder D(z) = W z + b with MSE, differentiated in its parameters (W, b) in closed form:
 * d_W L = (2/P) sum_m r_m z_m^T, d_b L = (2/P) sum_m r_m with r = W z + b - y; and for
 * S = sum_m lambda_m . grad_z l_m = (2/P) sum_m (W lambda_m) . r_m:
 * d_W S = (2/P) sum_m (r_m lambda_m^T + (W lambda_m) z_m^T), d_b S = (2/P) sum_m W lambda_m.
 */
final class LinearParameterisedObjective implements ParameterisedObjective {

    private final LinearDecoderObjective linear;

    LinearParameterisedObjective(LinearDecoderObjective linear) {
        this.linear = linear;
    }

    LinearDecoderObjective linear() {
        return linear;
    }

    private NDArray weights(NDManager manager, NDArray like) {
        double[][] w = linear.weights();
        double[] flat = new double[w.length * w[0].length];
        for (int p = 0; p < w.length; p++) {
            System.arraycopy(w[p], 0, flat, p * w[0].length, w[0].length);
        }
        return manager.create(flat, new Shape(w.length, w[0].length)).toType(like.getDataType(), false);
    }

    private NDArray residual(NDArray z) {
        NDManager manager = z.getManager();
        double[][] y = linear.targets();
        double[] flat = new double[y.length * y[0].length];
        for (int m = 0; m < y.length; m++) {
            System.arraycopy(y[m], 0, flat, m * y[0].length, y[0].length);
        }
        NDArray targets = manager.create(flat, new Shape(y.length, y[0].length)).toType(z.getDataType(), false);
        NDArray bias = manager.create(linear.bias()).toType(z.getDataType(), false);
        return z.matMul(weights(manager, z).transpose()).add(bias).sub(targets);
    }

    @Override
    public NDList parameterGradient(NDArray z) {
        NDArray r = residual(z);
        double scale = 2.0 / linear.features();
        return new NDList(r.transpose().matMul(z).mul(scale), r.sum(new int[] {0}).mul(scale));
    }

    @Override
    public NDList mixedParameterProduct(NDArray z, NDArray lambda) {
        NDArray r = residual(z);
        NDArray wLambda = lambda.matMul(weights(z.getManager(), z).transpose());
        double scale = 2.0 / linear.features();
        NDArray dW = r.transpose().matMul(lambda).add(wLambda.transpose().matMul(z)).mul(scale);
        return new NDList(dW, wLambda.sum(new int[] {0}).mul(scale));
    }

    @Override
    public int rowCount() {
        return linear.rowCount();
    }

    @Override
    public int latentDimension() {
        return linear.latentDimension();
    }

    @Override
    public NDArray rowLosses(NDArray z) {
        return linear.rowLosses(z);
    }

    @Override
    public LossAndGradient lossAndGradient(NDArray z) {
        return linear.lossAndGradient(z);
    }

    @Override
    public NDArray hessianVectorProduct(NDArray z, NDArray v) {
        return linear.hessianVectorProduct(z, v);
    }

    @Override
    public LatentObjective restrictTo(int[] rows) {
        return new LinearParameterisedObjective(linear.restrictTo(rows));
    }
}
