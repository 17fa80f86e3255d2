package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * What every decoder made of affine layers with an activation between them shares: its parameters, the forward and
 * the explicit back-propagation ({@link DecoderPass}), input checks, writing and closing. Subclasses say only how
 * their parameters are shaped and which affine map each layer is.
 */
abstract class LayeredDecoder implements Decoder {

    private final String description;
    private final int inputDimension;
    private final int outputDimension;
    private final Activation activation;
    private final ParameterStore parameters;
    private final AffineMap[] layers;

    LayeredDecoder(String description, int inputDimension, int outputDimension, Activation activation,
            ParameterStore parameters, AffineMap[] layers) {
        this.description = description;
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.activation = activation;
        this.parameters = parameters;
        this.layers = layers;
    }

    /** Writes the decoder's spec (the parameters follow it). */
    abstract void writeSpec(DataOutput out) throws IOException;

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int outputDimension() {
        return outputDimension;
    }

    @Override
    public DataType precision() {
        return parameters.precision();
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public List<double[]> parameterValues() {
        return parameters.values();
    }

    @Override
    public NDList parameters() {
        return parameters.all();
    }

    @Override
    public NDArray forward(NDArray input) {
        return DecoderPass.forward(layers, activation, inPrecision(input));
    }

    @Override
    public DecoderPass pass(NDArray input) {
        return new DecoderPass(layers, activation, inPrecision(input));
    }

    /** Writes the spec, the stored precision and the values (float32 values as floats). */
    @Override
    public void write(DataOutput out) throws IOException {
        writeSpec(out);
        parameters.write(out);
    }

    @Override
    public void close() {
        parameters.close();
    }

    private NDArray inPrecision(NDArray input) {
        Shape shape = input.getShape();
        if (shape.dimension() != 2 || shape.get(1) != inputDimension) {
            throw new IllegalArgumentException("The decoder " + description + " expects inputs of shape [rows, "
                    + inputDimension + "], got " + shape + ".");
        }
        return input.getDataType() == precision() ? input : input.toType(precision(), false);
    }
}
