package org.gfe.knime.core.train;

/** Per-column normalisation fitted on the training table and stored in the model. */
public enum NormalisationKind {
    NONE, MIN_MAX, Z_SCORE
}
