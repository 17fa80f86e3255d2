package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * One forward of a decoder (affine layers with an activation between them, none after the last) with its
 * intermediate values kept, so that gradients (and second-order products, see {@link ForwardOverReverse}) reuse that
 * forward instead of recomputing it. Back-propagation is written out layer by layer: for layer k with input a,
 * pre-activation s = A_W a + b and upstream delta = dL/ds, dL/dW = weightGradient(delta, a), dL/db =
 * biasGradient(delta), dL/da = A_W^T delta, and the next delta is dL/da * f'(s_prev). For a dense layer these are
 * delta^T a, the row sum of delta and delta W.
 *
 * <p>All arrays live in the input's manager. A pass belongs to one thread (it caches activation slopes lazily).
 */
public final class DecoderPass implements DecoderEvaluation {

    private final AffineMap[] layers;
    private final Activation activation;
    private final NDArray input;
    /** Pre-activations s_k of every layer; the last one is the output. */
    private final NDArray[] preActivations;
    /** Activated outputs f(s_k) of the hidden layers. */
    private final NDArray[] activations;
    private final NDArray[] slopes;
    private final NDArray[] curvatures;
    private final boolean[] curvatureKnown;

    DecoderPass(AffineMap[] layers, Activation activation, NDArray input) {
        this.layers = layers;
        this.activation = activation;
        this.input = input;
        int count = layers.length;
        preActivations = new NDArray[count];
        activations = new NDArray[count - 1];
        slopes = new NDArray[count - 1];
        curvatures = new NDArray[count - 1];
        curvatureKnown = new boolean[count - 1];
        NDArray h = input;
        for (int k = 0; k < count; k++) {
            preActivations[k] = layers[k].apply(h);
            if (k < count - 1) {
                activations[k] = ActivationFunction.value(activation, preActivations[k]);
                h = activations[k];
            }
        }
    }

    /** The outputs of the layers with the activation between them, without keeping intermediate values. */
    static NDArray forward(AffineMap[] layers, Activation activation, NDArray input) {
        NDArray h = input;
        for (int k = 0; k < layers.length; k++) {
            NDArray pre = layers[k].apply(h);
            h = k < layers.length - 1 ? ActivationFunction.value(activation, pre) : pre;
        }
        return h;
    }

    /** The decoder outputs D(input), shape {@code [rows, outputDimension]}. */
    public NDArray output() {
        return preActivations[preActivations.length - 1];
    }

    /** The input in the decoder's precision. */
    public NDArray input() {
        return input;
    }

    /** d/d input of {@code sum(outputGradient * D(input))}: the backward to the input only. */
    public NDArray inputGradient(NDArray outputGradient) {
        return backpropagate(outputGradient, true, false).inputGradient();
    }

    /** d/d theta of {@code sum(outputGradient * D(input))}, in the parameter order W1, b1, W2, b2, ... */
    public NDList parameterGradients(NDArray outputGradient) {
        return backpropagate(outputGradient, false, true).parameterGradients();
    }

    /** Both gradients of {@code sum(outputGradient * D(input))}. */
    public MlpDecoder.Backward backward(NDArray outputGradient) {
        return backpropagate(outputGradient, true, true);
    }

    /**
     * {@code H v} for the loss {@code L(input) = sum l(D(input))} whose gradient in the outputs is
     * {@code outputGradient} and whose (diagonal) second derivative in the outputs is {@code outputCurvature}; exact,
     * by forward-over-reverse. Shape {@code [rows, inputDimension]}.
     */
    public NDArray lossHessianProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction) {
        return ForwardOverReverse.products(this, outputGradient, outputCurvature, direction, true, false)
                .inputGradient();
    }

    /**
     * {@code d_theta [ sum_m direction_m . grad_input l_m ]} for the same kind of loss: the mixed second derivative
     * of L applied to {@code direction}, in the parameter order.
     */
    public NDList lossMixedProduct(NDArray outputGradient, NDArray outputCurvature, NDArray direction) {
        return ForwardOverReverse.products(this, outputGradient, outputCurvature, direction, false, true)
                .parameterGradients();
    }

    private MlpDecoder.Backward backpropagate(NDArray outputGradient, boolean wantInput, boolean wantParameters) {
        int count = layers.length;
        NDArray[] parameterGradients = wantParameters ? new NDArray[2 * count] : null;
        NDArray delta = outputGradient;
        NDArray inputGradient = null;
        for (int k = count - 1; k >= 0; k--) {
            if (wantParameters) {
                parameterGradients[2 * k] = layers[k].weightGradient(delta, layerInput(k));
                parameterGradients[2 * k + 1] = layers[k].biasGradient(delta);
            }
            if (k == 0) {
                if (wantInput) {
                    inputGradient = layers[0].applyTransposed(delta);
                }
                break;
            }
            delta = layers[k].applyTransposed(delta).muli(slope(k - 1));
        }
        return new MlpDecoder.Backward(inputGradient, wantParameters ? new NDList(parameterGradients) : null);
    }

    // --- for ForwardOverReverse ---

    AffineMap layer(int layer) {
        return layers[layer];
    }

    int layerCount() {
        return layers.length;
    }

    /** The input of layer k: the decoder input for k = 0, else the activation of layer k - 1. */
    NDArray layerInput(int layer) {
        return layer == 0 ? input : activations[layer - 1];
    }

    NDArray preActivation(int layer) {
        return preActivations[layer];
    }

    /** f'(s_k) of hidden layer k. */
    NDArray slope(int layer) {
        if (slopes[layer] == null) {
            NDArray x = preActivations[layer];
            slopes[layer] = ActivationFunction.slope(activation, x, activations[layer],
                    ActivationFunction.zero(x.getDataType()));
        }
        return slopes[layer];
    }

    /** f''(s_k) of hidden layer k, or null where it is identically zero. */
    NDArray curvature(int layer) {
        if (!curvatureKnown[layer]) {
            curvatures[layer] = ActivationFunction.curvature(activation, preActivations[layer],
                    activations[layer], slope(layer));
            curvatureKnown[layer] = true;
        }
        return curvatures[layer];
    }
}
