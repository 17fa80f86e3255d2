package org.gfe.knime.core.decoder;

/** Which decoder architecture a GFE model has. */
public enum DecoderKind {
    /** Fully connected layers ({@link MlpDecoder}): any table of numbers. */
    MLP,
    /**
     * A dense layer to a few channels per column, then 1-D convolutions along the columns ({@link ConvDecoder1d}):
     * for spectrum-shaped rows whose neighbouring columns are neighbouring wavelengths or times.
     */
    CONVOLUTION_1D
}
