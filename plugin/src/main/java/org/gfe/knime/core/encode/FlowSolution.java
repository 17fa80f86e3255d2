package org.gfe.knime.core.encode;

/**
 * Per-row outcome of solving the gradient flow for a batch, in the batch's row order.
 *
 * @param codes each row's latent code at the end of the flow (v for the second-order flow)
 * @param losses each row's reconstruction loss at its code
 * @param steps accepted solver steps
 * @param forwards decoder forwards spent on the row
 * @param inputBackwards decoder backwards to the latent input spent on the row
 * @param converged whether AMD stopped the row on its convergence test before tau
 * @param endTimes the row's clock at the end
 */
public record FlowSolution(double[][] codes, double[] losses, int[] steps, long[] forwards, long[] inputBackwards,
        boolean[] converged, double[] endTimes) {
}
