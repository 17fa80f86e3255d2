package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.objective.ParameterisedObjective;
import org.gfe.knime.core.ode.BatchArrays;

/**
 * dL(z(tau))/dtheta for the first-order flow dz/dt = -alpha grad_z L(z) by the adjoint method (spec section 5):
 * lambda(tau) = grad_z L(z(tau)); d lambda/dt = alpha H(z(t)) lambda integrated backward over the stored trajectory
 * with Heun's method (second order, two Hessian-vector products per interval); then
 * dL/dtheta = d_theta L(z(tau)) - alpha integral_0^tau d_theta[ sum_m lambda_m(t) . grad_z l_m(z_m(t)) ] dt by the
 * trapezoid rule, lambda(t) paired with z(t) at the same time (the reference's AMD variant pairs them reversed).
 *
 * <p>Memory: one interval at a time in its own sub-manager; only lambda and the running sum live longer, so native
 * memory does not grow with the trajectory's length.
 */
public final class FullAdjointGradient {

    private FullAdjointGradient() {
    }

    /**
     * The gradient, attached to {@code manager}, in the objective's parameter order.
     *
     * @param type precision of the arrays handed to the objective
     */
    public static NDList compute(ParameterisedObjective objective, Trajectory trajectory, double flowRate,
            NDManager manager, DataType type) {
        int last = trajectory.size() - 1;
        NDArray lambda;
        NDList gradient;
        NDList integral;
        NDList previousProduct;
        try (NDManager scope = manager.newSubManager()) {
            NDArray zEnd = BatchArrays.fromRows(scope, trajectory.state(last), type);
            lambda = objective.lossAndGradient(zEnd).gradient();
            gradient = objective.parameterGradient(zEnd);
            previousProduct = objective.mixedParameterProduct(zEnd, lambda);
            integral = zerosLike(previousProduct);
            lambda.attach(manager);
            gradient.attach(manager);
            previousProduct.attach(manager);
            integral.attach(manager);
        }
        for (int k = last - 1; k >= 0; k--) {
            double h = trajectory.time(k + 1) - trajectory.time(k);
            NDArray nextLambda;
            NDList product;
            try (NDManager scope = manager.newSubManager()) {
                lambda.tempAttach(scope);
                NDArray zLater = BatchArrays.fromRows(scope, trajectory.state(k + 1), type);
                NDArray zEarlier = BatchArrays.fromRows(scope, trajectory.state(k), type);
                NDArray slopeLater = objective.hessianVectorProduct(zLater, lambda).mul(flowRate);
                NDArray predicted = lambda.sub(slopeLater.mul(h));
                NDArray slopeEarlier = objective.hessianVectorProduct(zEarlier, predicted).mul(flowRate);
                nextLambda = lambda.sub(slopeLater.add(slopeEarlier).mul(h / 2));
                product = objective.mixedParameterProduct(zEarlier, nextLambda);
                for (int p = 0; p < integral.size(); p++) {
                    // product lives in the scope, so the temporaries do too
                    integral.get(p).addi(product.get(p).add(previousProduct.get(p)).mul(h / 2));
                }
                nextLambda.attach(manager);
                product.attach(manager);
            }
            lambda.close();
            previousProduct.close();
            lambda = nextLambda;
            previousProduct = product;
        }
        for (int p = 0; p < gradient.size(); p++) {
            gradient.get(p).subi(integral.get(p).muli(flowRate));
        }
        lambda.close();
        previousProduct.close();
        integral.close();
        return gradient;
    }

    private static NDList zerosLike(NDList list) {
        NDList zeros = new NDList(list.size());
        for (NDArray array : list) {
            zeros.add(array.zerosLike());
        }
        return zeros;
    }
}
