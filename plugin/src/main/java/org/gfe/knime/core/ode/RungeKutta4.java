package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/**
 * Classical fourth-order Runge-Kutta in the 3/8 form, which is what torchdiffeq calls "rk4" (spec section 2):
 * k1 = f(y), k2 = f(y + h k1/3), k3 = f(y + h (k2 - k1/3)), k4 = f(y + h (k1 - k2 + k3)),
 * y += h (k1 + 3 k2 + 3 k3 + k4)/8, on a uniform grid.
 */
public final class RungeKutta4 extends FixedStepIntegrator {

    public RungeKutta4(int gridPoints) {
        super(gridPoints);
    }

    @Override
    protected int stages() {
        return 4;
    }

    @Override
    protected NDArray step(FirstOrderEquation equation, double t, double h, NDArray y) {
        int rows = equation.rowCount();
        NDArray k1 = equation.derivative(BatchArrays.times(rows, t), y);
        NDArray k2 = equation.derivative(BatchArrays.times(rows, t + h / 3), y.add(k1.mul(h / 3)));
        NDArray k3 = equation.derivative(BatchArrays.times(rows, t + 2 * h / 3), y.add(k2.sub(k1.div(3)).mul(h)));
        NDArray k4 = equation.derivative(BatchArrays.times(rows, t + h), y.add(k1.sub(k2).add(k3).mul(h)));
        return y.add(k1.add(k2.add(k3).mul(3)).add(k4).mul(h / 8));
    }
}
