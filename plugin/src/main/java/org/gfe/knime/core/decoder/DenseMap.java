package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;

/** A fully connected layer {@code x W^T + b}, W of shape {@code [out, in]} (torch's layout). */
final class DenseMap implements AffineMap {

    private final NDArray weight;
    private final NDArray bias;

    DenseMap(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    @Override
    public NDArray weight() {
        return weight;
    }

    @Override
    public NDArray bias() {
        return bias;
    }

    @Override
    public NDArray apply(NDArray x) {
        return linear(x, weight, bias);
    }

    @Override
    public NDArray applyLinear(NDArray x) {
        return linear(x, weight, null);
    }

    @Override
    public NDArray applyTransposed(NDArray delta) {
        return delta.matMul(weight);
    }

    @Override
    public NDArray weightGradient(NDArray delta, NDArray x) {
        return delta.transpose().matMul(x);
    }

    @Override
    public NDArray biasGradient(NDArray delta) {
        return delta.sum(new int[] {0});
    }

    /** torch's fused {@code x W^T + b} (b may be null); the result goes to x's manager. */
    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }
}
