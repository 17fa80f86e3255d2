package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;

/**
 * Per-row losses (shape {@code [rows]}) and the gradient of their sum in the latent codes (shape {@code [rows, d]}),
 * computed from the same decoder forward.
 */
public record LossAndGradient(NDArray rowLosses, NDArray gradient) {
}
