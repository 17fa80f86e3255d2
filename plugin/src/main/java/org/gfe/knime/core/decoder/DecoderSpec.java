package org.gfe.knime.core.decoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The shape of an MLP decoder: {@code inputDimension -> hiddenSizes... -> outputDimension}, with {@code activation}
 * after every hidden layer and none on the output. No hidden sizes gives a linear decoder.
 *
 * @param inputDimension latent dimension d
 * @param hiddenSizes hidden layer widths from the latent side to the output side (copied)
 * @param activation activation of the hidden layers
 * @param outputDimension number of features P
 */
public record DecoderSpec(int inputDimension, int[] hiddenSizes, Activation activation, int outputDimension) {

    /** More hidden layers than this in a stream means the stream is corrupt. */
    private static final int MAX_STORED_LAYERS = 1024;

    public DecoderSpec {
        if (inputDimension < 1) {
            throw new IllegalArgumentException("The decoder's input (latent) dimension must be at least 1, was "
                    + inputDimension + ".");
        }
        if (hiddenSizes == null) {
            throw new IllegalArgumentException("Hidden sizes must be given (an empty list for a linear decoder).");
        }
        hiddenSizes = hiddenSizes.clone();
        for (int size : hiddenSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("Every hidden layer size must be at least 1, got "
                        + Arrays.toString(hiddenSizes) + ".");
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("The decoder's activation must be set (ELU, RELU or TANH).");
        }
        if (outputDimension < 1) {
            throw new IllegalArgumentException("The decoder's output dimension (number of columns) must be at least"
                    + " 1, was " + outputDimension + ".");
        }
    }

    /** The decoder of the paper's MNIST experiments: 20-150-300-600-784, ELU (700,234 parameters). */
    public static DecoderSpec mnist() {
        return new DecoderSpec(20, new int[] {150, 300, 600}, Activation.ELU, 784);
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** Number of linear layers. */
    public int layerCount() {
        return hiddenSizes.length + 1;
    }

    /** Widths of all layers, input first and output last ({@code layerCount() + 1} values). */
    public int[] layerSizes() {
        int[] sizes = new int[hiddenSizes.length + 2];
        sizes[0] = inputDimension;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = outputDimension;
        return sizes;
    }

    /** Weights and biases of all layers together. */
    public int parameterCount() {
        int[] sizes = layerSizes();
        long count = 0;
        for (int k = 0; k + 1 < sizes.length; k++) {
            count += (long) sizes[k + 1] * sizes[k] + sizes[k + 1];
        }
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The decoder " + this + " has " + count
                    + " parameters, more than one array can hold; choose smaller layers.");
        }
        return (int) count;
    }

    /** Writes the spec: input dimension, hidden sizes, activation name, output dimension. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(inputDimension);
        out.writeInt(hiddenSizes.length);
        for (int size : hiddenSizes) {
            out.writeInt(size);
        }
        out.writeUTF(activation.name());
        out.writeInt(outputDimension);
    }

    /**
     * Reads a spec written by {@link #write(DataOutput)}.
     *
     * @throws IOException if the stream ends early or holds no valid spec
     */
    public static DecoderSpec read(DataInput in) throws IOException {
        int input = in.readInt();
        int hiddenCount = in.readInt();
        if (hiddenCount < 0 || hiddenCount > MAX_STORED_LAYERS) {
            throw new IOException("The stored decoder claims " + hiddenCount + " hidden layers: the data is corrupt.");
        }
        int[] hidden = new int[hiddenCount];
        for (int k = 0; k < hiddenCount; k++) {
            hidden[k] = in.readInt();
        }
        String activationName = in.readUTF();
        int output = in.readInt();
        Activation activation;
        try {
            activation = Activation.valueOf(activationName);
        } catch (IllegalArgumentException e) {
            throw new IOException("The stored decoder uses the unknown activation '" + activationName
                    + "': the data is corrupt or from a newer version.", e);
        }
        try {
            DecoderSpec spec = new DecoderSpec(input, hidden, activation, output);
            spec.parameterCount();
            return spec;
        } catch (IllegalArgumentException e) {
            throw new IOException("The stored decoder shape is invalid (" + e.getMessage() + "): the data is corrupt.",
                    e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecoderSpec that && inputDimension == that.inputDimension
                && outputDimension == that.outputDimension && activation == that.activation
                && Arrays.equals(hiddenSizes, that.hiddenSizes);
    }

    @Override
    public int hashCode() {
        return ((31 * inputDimension + Arrays.hashCode(hiddenSizes)) * 31 + activation.ordinal()) * 31
                + outputDimension;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(inputDimension);
        for (int size : hiddenSizes) {
            text.append('-').append(size);
        }
        return text.append('-').append(outputDimension).append(' ').append(activation).toString();
    }
}
