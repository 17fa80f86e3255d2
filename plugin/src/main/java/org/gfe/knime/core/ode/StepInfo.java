package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/**
 * What an integrator reports after each accepted step (for batch solvers) or each attempt (for per-row solvers).
 *
 * @param time the clock of the batch; for per-row solvers the earliest clock among the rows still running
 * @param step the step just taken (for per-row solvers, the largest step among the rows)
 * @param endTime the time the integration runs to
 * @param state the state of the rows still running, valid only during the call (copy what you keep)
 * @param activeRows indices, into the original batch, of the rows in {@code state}, in that order
 * @param finishedRows rows that have reached the end time or converged
 * @param evaluations equation evaluations so far, summed over rows
 */
public record StepInfo(double time, double step, double endTime, NDArray state, int[] activeRows, int finishedRows,
        long evaluations) {

    /** Fraction of the work done, in [0, 1]: finished rows count fully, running rows by their clock. */
    public double progress() {
        int total = finishedRows + activeRows.length;
        if (total == 0) {
            return 1;
        }
        double running = activeRows.length * Math.min(1, Math.max(0, time / endTime));
        return (finishedRows + running) / total;
    }
}
