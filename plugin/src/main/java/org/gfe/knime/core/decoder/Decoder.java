package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A decoder {@code D: R^d -> R^P} with explicit back-propagation (no {@code GradientCollector}, no autograd): its
 * layers are affine maps with an activation between them. Parameters W1, b1, W2, b2, ... live in the decoder's own
 * NDManager; every result is attached to the manager of the input it was computed from. {@link #forward} and
 * {@link #pass} may run on several threads at once while nobody changes the parameters.
 */
public interface Decoder extends AutoCloseable {

    /** Latent dimension d. */
    int inputDimension();

    /** Number of outputs P. */
    int outputDimension();

    /** FLOAT32 or FLOAT64. */
    DataType precision();

    /** The architecture. */
    DecoderKind kind();

    /** The architecture for people, e.g. "20-150-300-600-784 MLP". */
    String description();

    /** The activation between the hidden layers. */
    Activation activation();

    /** Number of parameter values (weights and biases), trained or not. */
    int parameterCount();

    /** An independent copy (its own parameter memory) in the same precision. */
    Decoder copy();

    /** Copies of all parameter values in the order W1, b1, W2, b2, ... (each array row-major). */
    List<double[]> parameterValues();

    /**
     * The live arrays of the parameters training updates, for the optimiser to update in place (do not close them);
     * {@link DecoderEvaluation#parameterGradients} gives the gradients in the same order.
     */
    NDList parameters();

    /** Decoder outputs of shape {@code [rows, outputDimension]}, in the input's manager. */
    NDArray forward(NDArray input);

    /** One forward with its intermediate values kept, for gradients and second-order products (one thread). */
    DecoderEvaluation pass(NDArray input);

    /** Gradients of {@code sum(outputGradient * D(input))} in the input and the parameters (one forward). */
    default MlpDecoder.Backward backward(NDArray input, NDArray outputGradient) {
        return pass(input).backward(outputGradient);
    }

    /** Writes the shape and the values (float32 values as floats). */
    void write(DataOutput out) throws IOException;

    /** Releases the parameters' native memory. */
    @Override
    void close();
}
