package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;

/**
 * The reconstruction loss of a batch as a function of the batch's latent codes:
 * {@code L(z) = sum_m l(y_m, D(z_m))}, with {@code z} of shape {@code [rows, latentDimension]}.
 *
 * <p>Because L is a sum of per-row terms, the gradient for row m depends on row m only. Solvers rely on this to accept,
 * reject and stop rows independently, and to drop converged rows from the batch with {@link #restrictTo(int[])}.
 *
 * <p>Arrays returned are attached to the manager of the {@code z} passed in, so a solver that opens one manager scope
 * per step frees everything a step made by closing that scope. Implementations are not thread-safe; give each thread
 * its own objective.
 */
public interface LatentObjective {

    /** Number of rows in the batch. */
    int rowCount();

    /** Dimension d of each row's latent code. */
    int latentDimension();

    /** Per-row losses {@code l_m(z_m)}, shape {@code [rows]}: one decoder forward. */
    NDArray rowLosses(NDArray z);

    /**
     * Per-row losses and {@code grad_z L} (shape {@code [rows, d]}) from one decoder forward and one backward to the
     * input; nothing more, so that an AMD attempt costs exactly 1 forward + 1 input-backward.
     */
    LossAndGradient lossAndGradient(NDArray z);

    /**
     * {@code H(z) v}, the Hessian of L in z times v (block-diagonal over rows), shape {@code [rows, d]}. Exact
     * (forward-over-reverse through the known layers), never a create-graph backward, which leaks native memory.
     */
    NDArray hessianVectorProduct(NDArray z, NDArray v);

    /** The same objective restricted to the given rows (indices into this objective's rows, in that order). */
    LatentObjective restrictTo(int[] rows);
}
