package org.gfe.knime.core.encode;

/** Where each row's latent code starts the flow. */
public enum InitialState {
    /** z(0) = 0 (the reference's fixed-step variants). */
    ZEROS,
    /**
     * z(0) ~ U[0,1)^d drawn from a generator seeded by (settings seed, row identity): the reference's GFE-amd start,
     * made repeatable, so that the same row gets the same code twice whatever its batch.
     */
    SEEDED_UNIFORM,
    /**
     * z(0) = the row's least-squares code under the decoder's linear part (its PCA score for a linear + MLP decoder
     * initialised from principal components): training and encoding start each row where PCA would put it. Needs a
     * decoder with a linear part.
     */
    LINEAR_PROJECTION
}
