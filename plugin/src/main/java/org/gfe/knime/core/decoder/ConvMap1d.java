package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A 1-D convolution over rows of {@code length} positions with "same" zero padding (odd kernel, stride 1), as torch's
 * {@code Conv1d(in, out, K, padding=K/2)}: W of shape {@code [out, in, K]}, b of shape {@code [out]}. Rows enter and
 * leave flattened channel-major, {@code [rows, channels * length]}.
 *
 * <p>With p = K/2, y[n,o,t] = b[o] + sum_{i,j} W[o,i,j] x[n,i,t+j-p]. Its adjoint in x is a convolution of the
 * time-reversed delta with the channel-transposed kernel, reversed back; its gradient in W is the correlation
 * G[o,i,j] = sum_{n,t} delta[n,o,t] x[n,i,t+j-p], computed as a convolution with rows and channels swapped. The
 * channel-transposed kernel is a view made once, so in-place optimiser steps on W show through it.
 */
final class ConvMap1d implements AffineMap {

    private static final Shape UNIT = new Shape(1);

    private final NDArray weight;
    private final NDArray bias;
    private final NDArray transposedWeight;
    private final long inChannels;
    private final long outChannels;
    private final long length;
    private final Shape padding;

    ConvMap1d(NDArray weight, NDArray bias, long length) {
        Shape shape = weight.getShape();
        if (shape.dimension() != 3 || shape.get(2) % 2 == 0) {
            throw new IllegalArgumentException("A 1-D convolution needs a kernel of shape [out, in, K] with K odd, got "
                    + shape + ".");
        }
        this.weight = weight;
        this.bias = bias;
        this.transposedWeight = weight.transpose(1, 0, 2);
        this.outChannels = shape.get(0);
        this.inChannels = shape.get(1);
        this.length = length;
        this.padding = new Shape(shape.get(2) / 2);
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
        return flat(convolve(channels(x, inChannels), weight, bias));
    }

    @Override
    public NDArray applyLinear(NDArray x) {
        return flat(convolve(channels(x, inChannels), weight, null));
    }

    @Override
    public NDArray applyTransposed(NDArray delta) {
        NDArray reversed = channels(delta, outChannels).flip(2);
        return flat(convolve(reversed, transposedWeight, null).flip(2));
    }

    @Override
    public NDArray weightGradient(NDArray delta, NDArray x) {
        NDArray inputs = channels(x, inChannels).transpose(1, 0, 2);
        NDArray kernels = channels(delta, outChannels).transpose(1, 0, 2);
        return convolve(inputs, kernels, null).transpose(1, 0, 2);
    }

    @Override
    public NDArray biasGradient(NDArray delta) {
        return channels(delta, outChannels).sum(new int[] {0, 2});
    }

    private NDArray channels(NDArray flat, long count) {
        return flat.reshape(flat.getShape().get(0), count, length);
    }

    private static NDArray flat(NDArray channels) {
        return channels.reshape(channels.getShape().get(0), -1);
    }

    /** torch's conv1d of x with the given kernel (stride 1, this map's padding); the result goes to x's manager. */
    private NDArray convolve(NDArray x, NDArray kernel, NDArray offset) {
        return x.getNDArrayInternal().convolution(x, kernel, offset, UNIT, padding, UNIT, 1).singletonOrThrow();
    }
}
