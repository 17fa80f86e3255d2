package org.gfe.knime.core.encode;

/**
 * One row's encoding.
 *
 * @param code the latent code
 * @param loss the reconstruction loss at the code (over the row's present cells)
 * @param steps accepted solver steps
 * @param forwards decoder forwards spent on the row
 * @param inputBackwards decoder backwards to the latent input spent on the row
 * @param converged whether AMD's convergence test stopped the row before tau
 */
public record EncodedRow(double[] code, double loss, int steps, long forwards, long inputBackwards,
        boolean converged) {
}
