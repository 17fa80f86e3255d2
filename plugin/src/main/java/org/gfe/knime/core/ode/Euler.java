package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/** Explicit Euler on a uniform grid: y += h f(t, y). */
public final class Euler extends FixedStepIntegrator {

    public Euler(int gridPoints) {
        super(gridPoints);
    }

    @Override
    protected int stages() {
        return 1;
    }

    @Override
    protected NDArray step(FirstOrderEquation equation, double t, double h, NDArray state) {
        return state.add(equation.derivative(BatchArrays.times(equation.rowCount(), t), state).mul(h));
    }
}
