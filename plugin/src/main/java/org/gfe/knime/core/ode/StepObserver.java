package org.gfe.knime.core.ode;

/** Receives each step of an integration; used for progress, cancellation, trajectories and tests. */
@FunctionalInterface
public interface StepObserver {

    /** An observer that never stops the integration. */
    StepObserver NONE = info -> true;

    /**
     * Called after a step; returning false stops the integration with an {@link IntegrationCancelledException}.
     */
    boolean onStep(StepInfo info);
}
