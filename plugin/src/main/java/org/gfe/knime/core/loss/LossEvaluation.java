package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * Per-row losses (shape {@code [rows]}) and the gradient of their sum in the decoder outputs (shape
 * {@code [rows, P]}), from the same outputs.
 */
public record LossEvaluation(NDArray rowLosses, NDArray outputGradient) {
}
