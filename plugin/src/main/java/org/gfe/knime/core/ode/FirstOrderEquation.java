package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/**
 * A system dy/dt = f(t, y) over a batch of independent rows, after Hipparchus's {@code OrdinaryDifferentialEquation}
 * but on DJL arrays: the state has shape {@code [rows, dimension]} and row m's derivative depends on row m only.
 *
 * <p>Time is given per row because adaptive solvers may advance each row on its own clock.
 */
public interface FirstOrderEquation {

    /** Number of rows in the batch. */
    int rowCount();

    /** Columns of the state. */
    int dimension();

    /**
     * f(t, y), shape {@code [rows, dimension]}, attached to the manager of {@code state}.
     *
     * @param times one time per row (length {@link #rowCount()})
     */
    NDArray derivative(double[] times, NDArray state);
}
