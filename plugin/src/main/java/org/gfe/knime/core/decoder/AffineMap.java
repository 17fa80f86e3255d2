package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;

/**
 * One affine layer of a decoder, {@code x -> A_W x + b}, on rows flattened to {@code [rows, features]} (a layer
 * with structure, like a convolution, reshapes inside). Because the map is linear in x and in W, everything the
 * explicit back-propagation and its forward-over-reverse need are these few operations. Results are attached to the
 * manager of the array passed in, never to the layer's.
 */
interface AffineMap {

    /** The weight array W (live, owned by the decoder). */
    NDArray weight();

    /** The bias array b (live, owned by the decoder). */
    NDArray bias();

    /** {@code A_W x + b}. */
    NDArray apply(NDArray x);

    /** {@code A_W x}, without the bias: the map's derivative in x, for directional (R-) passes. */
    NDArray applyLinear(NDArray x);

    /** {@code A_W^T delta}: the gradient in x of {@code sum(delta * (A_W x + b))}. */
    NDArray applyTransposed(NDArray delta);

    /** The gradient in W of {@code sum(delta * A_W x)}, shaped like W. */
    NDArray weightGradient(NDArray delta, NDArray x);

    /** The gradient in b of {@code sum(delta * b)} (b broadcast over rows and positions), shaped like b. */
    NDArray biasGradient(NDArray delta);
}
