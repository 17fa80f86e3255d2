package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * 0-d arrays of constants in the precision of a target batch and in its manager. DJL turns every Java number in an
 * op into a fresh native array; a bound loss creates its constants once instead. An op with a 0-d array computes as
 * with the number (PyTorch treats both as a CPU scalar cast to the tensor's type).
 */
final class Constants {

    private Constants() {
    }

    /** The value as a 0-d array of {@code like}'s type, in {@code like}'s manager. */
    static NDArray of(NDArray like, double value) {
        return like.getDataType() == DataType.FLOAT32 ? like.getManager().create((float) value)
                : like.getManager().create(value).toType(like.getDataType(), false);
    }
}
