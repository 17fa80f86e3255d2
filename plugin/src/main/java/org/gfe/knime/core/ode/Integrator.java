package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/**
 * Integrates a {@link FirstOrderEquation} from t = 0 to an end time, after Hipparchus's {@code ODEIntegrator}.
 *
 * <p>Memory: each step runs in its own sub-manager of the initial state's manager, closed at the end of the step,
 * so native memory stays flat however long the integration. The initial state is neither modified nor closed.
 *
 * @param <E> the kind of equation the integrator needs
 */
public interface Integrator<E extends FirstOrderEquation> {

    /**
     * Integrates {@code equation} from {@code initialState} at t = 0 to {@code endTime}.
     *
     * @throws IntegrationCancelledException if the observer returned false
     */
    IntegrationResult integrate(E equation, NDArray initialState, double endTime, StepObserver observer);
}
