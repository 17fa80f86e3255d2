package org.gfe.knime.core.data;

/** Per-column normalisation fitted on the training table and stored in the model. */
public enum NormalisationKind {
    NONE, MIN_MAX, Z_SCORE
}
