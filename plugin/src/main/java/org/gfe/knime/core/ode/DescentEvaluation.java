package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;

/** Per-row merit (shape {@code [rows]}) and state derivative (shape {@code [rows, dimension]}) at one state. */
public record DescentEvaluation(NDArray merit, NDArray derivative) {
}
