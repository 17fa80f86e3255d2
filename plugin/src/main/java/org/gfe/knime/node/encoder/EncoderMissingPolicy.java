package org.gfe.knime.node.encoder;

/** What the Encoder does with a row that has missing cells in the model's columns. */
public enum EncoderMissingPolicy {
    /** Encode the row from its present cells (missing cells are left out of the loss). */
    MASK,
    /** Give the row missing latent cells. */
    MISSING_CODE
}
