package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A decoder evaluated at a batch of inputs with its intermediate values kept: the output, and the derivatives the
 * flow and the training need, each reusing that one forward. All arrays live in the input's manager. Belongs to one
 * thread.
 */
public interface DecoderEvaluation {

    /** The decoder outputs D(input), shape {@code [rows, outputDimension]}. */
    NDArray output();

    /** d/d input of {@code sum(outputGradient * D(input))}: the backward to the input only. */
    NDArray inputGradient(NDArray outputGradient);

    /** d/d theta of {@code sum(outputGradient * D(input))}, in the order of {@link Decoder#parameters()}. */
    NDList parameterGradients(NDArray outputGradient);

    /** Both gradients of {@code sum(outputGradient * D(input))}. */
    MlpDecoder.Backward backward(NDArray outputGradient);

    /**
     * {@code H v} for the loss {@code L(input) = sum l(D(input))} with the given gradient and diagonal curvature in the
     * outputs, shape {@code [rows, inputDimension]}.
     *
     * @throws UnsupportedOperationException for decoders without exact second-order products
     */
    NDArray lossHessianProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction);

    /**
     * {@code d_theta [ sum_m direction_m . grad_input l_m ]}, in the order of {@link Decoder#parameters()}.
     *
     * @throws UnsupportedOperationException for decoders without exact second-order products
     */
    NDList lossMixedProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction);
}
