package org.gfe.knime.core.decoder;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A small 1-D convolutional decoder for spectrum-shaped rows (see {@link ConvDecoderSpec}), with the same explicit
 * back-propagation and exact second-order products as {@link MlpDecoder}, and the same threading and memory rules.
 * Parameters in order: W1 {@code [channels * P, d]}, b1, then per convolution W {@code [out, in, K]}, b {@code [out]}.
 */
public final class ConvDecoder1d extends LayeredDecoder {

    private final ConvDecoderSpec spec;

    private ConvDecoder1d(ConvDecoderSpec spec, List<double[]> values, DataType precision) {
        this(spec, new ParameterStore(values, shapes(spec), precision, spec.toString()));
    }

    private ConvDecoder1d(ConvDecoderSpec spec, ParameterStore parameters) {
        super(spec.toString(), spec.inputDimension(), spec.outputDimension(), spec.activation(), parameters,
                layers(spec, parameters));
        this.spec = spec;
    }

    private static AffineMap[] layers(ConvDecoderSpec spec, ParameterStore parameters) {
        try {
            AffineMap[] layers = new AffineMap[spec.layerCount()];
            layers[0] = new DenseMap(parameters.get(0), parameters.get(1));
            for (int k = 1; k < layers.length; k++) {
                layers[k] = new ConvMap1d(parameters.get(2 * k), parameters.get(2 * k + 1), spec.outputDimension());
            }
            return layers;
        } catch (RuntimeException e) {
            parameters.close();
            throw e;
        }
    }

    /** PyTorch's default initialisation of Linear and Conv1d: U(-1/sqrt(fan_in), 1/sqrt(fan_in)), seeded. */
    public static ConvDecoder1d initialise(ConvDecoderSpec spec, long seed, DataType precision) {
        ParameterStore.requirePrecision(precision);
        int[] fanIns = new int[spec.layerCount()];
        fanIns[0] = spec.inputDimension();
        for (int k = 1; k < fanIns.length; k++) {
            fanIns[k] = spec.channels() * spec.kernelSize();
        }
        return new ConvDecoder1d(spec, ParameterStore.uniform(seed, shapes(spec), fanIns), precision);
    }

    /**
     * A decoder with the given parameter values (row-major, in parameter order).
     *
     * @throws IllegalArgumentException if the number or sizes of the arrays do not fit the spec
     */
    public static ConvDecoder1d of(ConvDecoderSpec spec, List<double[]> parameterValues, DataType precision) {
        return new ConvDecoder1d(spec, parameterValues, precision);
    }

    public ConvDecoderSpec spec() {
        return spec;
    }

    @Override
    public DecoderKind kind() {
        return DecoderKind.CONVOLUTION_1D;
    }

    /** E.g. "1-D convolution, 8 channels, kernel 5, 2 layers". */
    @Override
    public String description() {
        return description(spec.channels(), spec.kernelSize(), spec.convolutions());
    }

    /** How a 1-D convolutional decoder is described to people (shared with the model port's spec). */
    public static String description(int channels, int kernelSize, int layers) {
        return "1-D convolution, " + channels + (channels == 1 ? " channel" : " channels") + ", kernel " + kernelSize
                + ", " + layers + (layers == 1 ? " layer" : " layers");
    }

    @Override
    public int parameterCount() {
        return spec.parameterCount();
    }

    @Override
    public ConvDecoder1d copy() {
        return of(spec, parameterValues(), precision());
    }

    @Override
    void writeSpec(DataOutput out) throws IOException {
        spec.write(out);
    }

    /**
     * Reads a decoder written by {@link #write(DataOutput)}, in the requested precision.
     *
     * @throws IOException if the stream ends early or is corrupt
     */
    public static ConvDecoder1d read(DataInput in, DataType precision) throws IOException {
        ParameterStore.requirePrecision(precision);
        ConvDecoderSpec spec = ConvDecoderSpec.read(in);
        return new ConvDecoder1d(spec, ParameterStore.read(in, shapes(spec)), precision);
    }

    private static Shape[] shapes(ConvDecoderSpec spec) {
        int c = spec.channels();
        int k = spec.kernelSize();
        Shape[] shapes = new Shape[2 * spec.layerCount()];
        shapes[0] = new Shape((long) c * spec.outputDimension(), spec.inputDimension());
        shapes[1] = new Shape((long) c * spec.outputDimension());
        for (int layer = 1; layer < spec.layerCount(); layer++) {
            int out = layer == spec.layerCount() - 1 ? 1 : c;
            shapes[2 * layer] = new Shape(out, c, k);
            shapes[2 * layer + 1] = new Shape(out);
        }
        return shapes;
    }
}
