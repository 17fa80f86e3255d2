package org.gfe.knime.core.encode;

/** Where each row's latent code starts the flow. */
public enum InitialState {
    /** z(0) = 0 (the reference's fixed-step variants). */
    ZEROS,
    /**
     * z(0) ~ U[0,1)^d drawn from a generator seeded by (settings seed, row identity): the reference's GFE-amd start,
     * made repeatable, so that the same row gets the same code twice whatever its batch.
     */
    SEEDED_UNIFORM
}
