package org.gfe.knime.core.ode;

/**
 * The outcome of integrating a batch, per row in the order of the initial state.
 *
 * @param finalState each row's state at its end
 * @param endTimes each row's clock at its end (may overshoot the end time: AMD's last step does, as in the reference)
 * @param steps accepted steps per row
 * @param evaluations equation evaluations that included the row (for a gradient flow, each is one decoder forward
 *        and one backward to the input)
 * @param converged whether the row stopped on the convergence test before the end time
 * @param finalMerit the merit at the final state, or NaN where the solver did not evaluate it there
 */
public record IntegrationResult(double[][] finalState, double[] endTimes, int[] steps, long[] evaluations,
        boolean[] converged, double[] finalMerit) {
}
