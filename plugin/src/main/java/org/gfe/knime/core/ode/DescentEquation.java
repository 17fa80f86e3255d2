package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/**
 * A {@link FirstOrderEquation} that descends a per-row merit function (a loss, or an energy that the exact flow never
 * increases). Step-size controllers such as AMD accept or reject steps on the merit, and may drop finished rows.
 */
public interface DescentEquation extends FirstOrderEquation {

    /** Per-row merit and derivative from one evaluation, both attached to the manager of {@code state}. */
    DescentEvaluation evaluate(double[] times, NDArray state);

    /** The same equation restricted to the given rows (indices into this equation's rows, in that order). */
    DescentEquation restrictTo(int[] rows);

    /**
     * The step AMD attempts from {@code state} (at {@code times}, where it evaluated {@code derivative}) with one
     * step size per row: explicit Euler, state + h f, unless the equation knows a more stable update of the same order.
     */
    default NDArray advance(double[] times, double[] steps, NDArray state, NDArray derivative) {
        return state.add(derivative.mul(BatchArrays.column(state.getManager(), steps, state.getDataType())));
    }

    @Override
    default NDArray derivative(double[] times, NDArray state) {
        return evaluate(times, state).derivative();
    }
}
