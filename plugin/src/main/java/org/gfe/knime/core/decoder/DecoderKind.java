package org.gfe.knime.core.decoder;

/** Which decoder architecture a GFE model has. */
public enum DecoderKind {
    /** Fully connected layers ({@link MlpDecoder}): any table of numbers. */
    MLP,
    /**
     * A dense layer to a few channels per column, then 1-D convolutions along the columns ({@link ConvDecoder1d}):
     * for spectrum-shaped rows whose neighbouring columns are neighbouring wavelengths or times.
     */
    CONVOLUTION_1D,
    /**
     * A linear part plus an MLP correction ({@link LinearPlusMlpDecoder}), the linear part initialised at the
     * principal components of the training rows: starts as PCA's reconstruction and learns what PCA misses.
     */
    LINEAR_PLUS_MLP
}
