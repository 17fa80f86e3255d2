package org.gfe.knime.core.decoder;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The shape of a {@link LinearPlusMlpDecoder}: {@code D(z) = W0 z + b0 + sigma * g(z / s)}, a linear part plus an MLP
 * correction {@code g: d -> hiddenSizes... -> P} that sees the codes divided by fixed per-dimension scales s and whose
 * outputs are multiplied by fixed per-column scales sigma.
 *
 * @param inputDimension latent dimension d
 * @param hiddenSizes hidden widths of the correction g, latent side first (copied; at least one)
 * @param activation activation of g's hidden layers
 * @param outputDimension number of columns P
 * @param inputScales s, one positive scale per latent dimension (copied)
 * @param outputScales sigma, one positive scale per column (copied)
 * @param linearPartTrained whether training updates W0 and b0 as well as g (else they stay as initialised)
 */
public record LinearPlusMlpSpec(int inputDimension, int[] hiddenSizes, Activation activation, int outputDimension,
        double[] inputScales, double[] outputScales, boolean linearPartTrained) {

    public LinearPlusMlpSpec {
        if (hiddenSizes == null || hiddenSizes.length == 0) {
            throw new IllegalArgumentException("The MLP correction of a linear + MLP decoder needs at least one hidden"
                    + " layer.");
        }
        hiddenSizes = hiddenSizes.clone();
        // checks d, the hidden sizes, the activation and P with the same messages as an MLP
        correction(inputDimension, hiddenSizes, activation, outputDimension);
        inputScales = positive(inputScales, inputDimension, "input scale per latent dimension");
        outputScales = positive(outputScales, outputDimension, "output scale per column");
    }

    private static double[] positive(double[] scales, int count, String what) {
        if (scales == null || scales.length != count) {
            throw new IllegalArgumentException("A linear + MLP decoder needs one " + what + " (" + count + "), got "
                    + (scales == null ? "none" : scales.length) + ".");
        }
        for (double scale : scales) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("Each " + what + " must be a positive finite number, got "
                        + Arrays.toString(scales) + ".");
            }
        }
        return scales.clone();
    }

    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    @Override
    public double[] inputScales() {
        return inputScales.clone();
    }

    @Override
    public double[] outputScales() {
        return outputScales.clone();
    }

    /** The shape of the correction g. */
    public DecoderSpec correction() {
        return correction(inputDimension, hiddenSizes, activation, outputDimension);
    }

    /** W0, b0 and the parameters of g together. */
    public int parameterCount() {
        long count = (long) outputDimension * inputDimension + outputDimension + correction().parameterCount();
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The decoder " + this + " has " + count + " parameters, more than one"
                    + " array can hold; choose smaller layers.");
        }
        return (int) count;
    }

    void write(DataOutput out) throws IOException {
        correction().write(out);
        for (double scale : inputScales) {
            out.writeDouble(scale);
        }
        for (double scale : outputScales) {
            out.writeDouble(scale);
        }
        out.writeBoolean(linearPartTrained);
    }

    static LinearPlusMlpSpec read(DataInput in) throws IOException {
        DecoderSpec g = DecoderSpec.read(in);
        double[] scales = new double[g.inputDimension()];
        for (int k = 0; k < scales.length; k++) {
            scales[k] = in.readDouble();
        }
        double[] outputs = new double[g.outputDimension()];
        for (int p = 0; p < outputs.length; p++) {
            outputs[p] = in.readDouble();
        }
        boolean trained = in.readBoolean();
        try {
            return new LinearPlusMlpSpec(g.inputDimension(), g.hiddenSizes(), g.activation(), g.outputDimension(),
                    scales, outputs, trained);
        } catch (IllegalArgumentException e) {
            throw new IOException("The stored linear + MLP decoder is invalid (" + e.getMessage() + "): the data is"
                    + " corrupt.", e);
        }
    }

    private static DecoderSpec correction(int d, int[] hidden, Activation activation, int p) {
        return new DecoderSpec(d, hidden, activation, p);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearPlusMlpSpec that && inputDimension == that.inputDimension
                && outputDimension == that.outputDimension && activation == that.activation
                && linearPartTrained == that.linearPartTrained && Arrays.equals(hiddenSizes, that.hiddenSizes)
                && Arrays.equals(inputScales, that.inputScales) && Arrays.equals(outputScales, that.outputScales);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {inputDimension, Arrays.hashCode(hiddenSizes), activation,
            outputDimension, Arrays.hashCode(inputScales), Arrays.hashCode(outputScales), linearPartTrained});
    }

    /** E.g. "linear 5-100 + MLP 5-64-64-100" (the activation is told with the decoder's other properties). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("linear ").append(inputDimension).append('-').append(outputDimension)
                .append(" + MLP ").append(inputDimension);
        for (int size : hiddenSizes) {
            text.append('-').append(size);
        }
        return text.append('-').append(outputDimension).toString();
    }
}
