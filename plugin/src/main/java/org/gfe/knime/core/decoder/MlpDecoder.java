package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * An MLP decoder {@code Linear-act-...-Linear} (no activation on the output) with explicit back-propagation: no
 * {@code GradientCollector} (one per JVM) and no autograd, so any number of threads may decode, differentiate and
 * train different decoders at once.
 *
 * <p>Parameters W1, b1, W2, b2, ... (W_k of shape {@code [out, in]}, torch's layout) live in the decoder's own
 * NDManager. Every result is attached to the manager of the input it was computed from, never to the decoder's.
 * {@link #forward}, {@link #backward} and {@link #pass} may run on several threads at once as long as nobody changes
 * the parameters meanwhile (the optimiser updates them in place between batches).
 */
public final class MlpDecoder extends LayeredDecoder {

    /**
     * Gradients of {@code sum(outputGradient * D(input))}.
     *
     * @param inputGradient shape {@code [rows, inputDimension]}
     * @param parameterGradients in the decoder's parameter order, summed over the rows
     */
    public record Backward(NDArray inputGradient, NDList parameterGradients) {
    }

    private final DecoderSpec spec;

    private MlpDecoder(DecoderSpec spec, List<double[]> values, DataType precision) {
        this(spec, new ParameterStore(values, shapes(spec), precision, spec.toString()));
    }

    private MlpDecoder(DecoderSpec spec, ParameterStore parameters) {
        super(spec.toString(), spec.inputDimension(), spec.outputDimension(), spec.activation(), parameters,
                layers(spec, parameters));
        this.spec = spec;
    }

    private static AffineMap[] layers(DecoderSpec spec, ParameterStore parameters) {
        AffineMap[] layers = new AffineMap[spec.layerCount()];
        for (int k = 0; k < layers.length; k++) {
            layers[k] = new DenseMap(parameters.get(2 * k), parameters.get(2 * k + 1));
        }
        return layers;
    }

    /**
     * A decoder with PyTorch's default initialisation of {@code nn.Linear}: W and b ~ U(-1/sqrt(fan_in),
     * 1/sqrt(fan_in)), drawn in parameter order from a generator seeded with {@code seed}.
     *
     * @param precision FLOAT32 (the default of the project) or FLOAT64
     */
    public static MlpDecoder initialise(DecoderSpec spec, long seed, DataType precision) {
        ParameterStore.requirePrecision(precision);
        int[] fanIns = java.util.Arrays.copyOf(spec.layerSizes(), spec.layerCount());
        return new MlpDecoder(spec, ParameterStore.uniform(seed, shapes(spec), fanIns), precision);
    }

    /**
     * A decoder with the given parameter values, in the order W1, b1, W2, b2, ... with W_k row-major
     * {@code [out, in]}.
     *
     * @throws IllegalArgumentException if the number or sizes of the arrays do not fit the spec
     */
    public static MlpDecoder of(DecoderSpec spec, List<double[]> parameterValues, DataType precision) {
        return new MlpDecoder(spec, parameterValues, precision);
    }

    public DecoderSpec spec() {
        return spec;
    }

    @Override
    public DecoderKind kind() {
        return DecoderKind.MLP;
    }

    /** E.g. "20-150-300-600-784 MLP". */
    @Override
    public String description() {
        StringBuilder layers = new StringBuilder().append(spec.inputDimension());
        for (int size : spec.hiddenSizes()) {
            layers.append('-').append(size);
        }
        return layers.append('-').append(spec.outputDimension()).append(" MLP").toString();
    }

    @Override
    public int parameterCount() {
        return spec.parameterCount();
    }

    @Override
    public MlpDecoder copy() {
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
    public static MlpDecoder read(DataInput in, DataType precision) throws IOException {
        ParameterStore.requirePrecision(precision);
        DecoderSpec spec = DecoderSpec.read(in);
        return new MlpDecoder(spec, ParameterStore.read(in, shapes(spec)), precision);
    }

    private static Shape[] shapes(DecoderSpec spec) {
        int[] sizes = spec.layerSizes();
        Shape[] shapes = new Shape[2 * spec.layerCount()];
        for (int k = 0; k < spec.layerCount(); k++) {
            shapes[2 * k] = new Shape(sizes[k + 1], sizes[k]);
            shapes[2 * k + 1] = new Shape(sizes[k + 1]);
        }
        return shapes;
    }
}
