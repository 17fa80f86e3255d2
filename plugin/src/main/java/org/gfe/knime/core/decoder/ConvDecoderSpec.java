package org.gfe.knime.core.decoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The shape of a 1-D convolutional decoder for spectrum-shaped rows, whose P outputs are neighbouring positions:
 * {@code Linear(d -> channels * P)}, then {@code convolutions - 1} times {@code Conv1d(channels -> channels, K)}, then
 * {@code Conv1d(channels -> 1, K)}, with {@code activation} after every layer but the last. The convolutions keep the
 * length P ("same" padding), so nearby outputs share weights and the decoder learns smooth, local shapes.
 *
 * @param inputDimension latent dimension d
 * @param channels feature channels per position
 * @param kernelSize odd kernel width K
 * @param convolutions number of convolution layers (at least 1)
 * @param activation activation between the layers
 * @param outputDimension number of positions P
 */
public record ConvDecoderSpec(int inputDimension, int channels, int kernelSize, int convolutions,
        Activation activation, int outputDimension) {

    public ConvDecoderSpec {
        require(inputDimension >= 1, "The decoder's input (latent) dimension must be at least 1, was "
                + inputDimension + ".");
        require(channels >= 1, "The convolutional decoder needs at least 1 channel, got " + channels + ".");
        require(kernelSize >= 1 && kernelSize % 2 == 1, "The kernel size must be an odd number (1, 3, 5, ...), was "
                + kernelSize + ".");
        require(convolutions >= 1, "The convolutional decoder needs at least 1 convolution layer, got "
                + convolutions + ".");
        require(activation != null, "The decoder's activation must be set (ELU, RELU or TANH).");
        require(outputDimension >= 1, "The decoder's output dimension (number of columns) must be at least 1, was "
                + outputDimension + ".");
        require((long) channels * outputDimension <= Integer.MAX_VALUE / Math.max(1, inputDimension),
                "The decoder's first layer (" + inputDimension + " x " + channels + " x " + outputDimension
                        + ") is too large; use fewer channels.");
    }

    /** Number of affine layers: the dense one and the convolutions. */
    public int layerCount() {
        return convolutions + 1;
    }

    /** Weights and biases of all layers together. */
    public int parameterCount() {
        long dense = (long) inputDimension * channels * outputDimension + (long) channels * outputDimension;
        long hidden = (long) (convolutions - 1) * ((long) channels * channels * kernelSize + channels);
        long last = (long) channels * kernelSize + 1;
        return Math.toIntExact(dense + hidden + last);
    }

    /** Writes the spec. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(inputDimension);
        out.writeInt(channels);
        out.writeInt(kernelSize);
        out.writeInt(convolutions);
        out.writeUTF(activation.name());
        out.writeInt(outputDimension);
    }

    /**
     * Reads a spec written by {@link #write(DataOutput)}.
     *
     * @throws IOException if the stream ends early or holds no valid spec
     */
    public static ConvDecoderSpec read(DataInput in) throws IOException {
        int input = in.readInt();
        int channels = in.readInt();
        int kernel = in.readInt();
        int convolutions = in.readInt();
        String activationName = in.readUTF();
        int output = in.readInt();
        try {
            return new ConvDecoderSpec(input, channels, kernel, convolutions, Activation.valueOf(activationName),
                    output);
        } catch (IllegalArgumentException e) {
            throw new IOException("The stored convolutional decoder is invalid (" + e.getMessage()
                    + "): the data is corrupt.", e);
        }
    }

    @Override
    public String toString() {
        return "conv1d " + inputDimension + "-" + channels + "x" + outputDimension + " K" + kernelSize + " x"
                + convolutions + " " + activation;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
