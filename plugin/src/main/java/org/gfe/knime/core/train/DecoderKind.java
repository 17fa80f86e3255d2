package org.gfe.knime.core.train;

/** Which decoder architecture a GFE model trains. */
public enum DecoderKind {
    /** Fully connected layers ({@link TrainingConfig#hiddenSizes()}): any table of numbers. */
    MLP,
    /**
     * A dense layer to {@link TrainingConfig#convolutionChannels()} channels per column, then 1-D convolutions along
     * the columns: for spectrum-shaped rows whose neighbouring columns are neighbouring wavelengths or times.
     */
    CONVOLUTION_1D
}
