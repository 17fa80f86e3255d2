package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.engine.DjlRuntime;

/**
 * The hidden-layer activations with their exact first and second derivatives, elementwise on pre-activations
 * {@code x}. Results are attached to the manager of {@code x}.
 *
 * <ul>
 *   <li>ELU (alpha 1): f = x for x &gt; 0, exp(x) - 1 otherwise; f' = exp(min(x, 0)); f'' = exp(x) for x &lt;= 0,
 *       0 for x &gt; 0 (torch's convention at 0).</li>
 *   <li>ReLU: f' = 1 for x &gt; 0, else 0 (torch's convention at 0); f'' = 0.</li>
 *   <li>tanh: f' = 1 - f^2; f'' = -2 f f'.</li>
 * </ul>
 */
final class ActivationFunction {

    /** 0-d zeros of float32 and float64, made once per JVM and only read (by any thread) afterwards. */
    private static volatile NDArray zero32;
    private static volatile NDArray zero64;

    private ActivationFunction() {
    }

    /**
     * A 0-d zero of the given type (FLOAT32 or FLOAT64), shared: made once in a manager that lives as long as the JVM,
     * so an evaluation does not pay a native array creation for it. Ops with it attach their results to the other
     * operand's manager.
     */
    static NDArray zero(DataType type) {
        NDArray known = type == DataType.FLOAT32 ? zero32 : zero64;
        if (known != null) {
            return known;
        }
        synchronized (ActivationFunction.class) {
            if (zero32 == null) {
                NDManager constants = DjlRuntime.newManager();
                zero32 = constants.create(0f);
                zero64 = constants.create(0d);
            }
            return type == DataType.FLOAT32 ? zero32 : zero64;
        }
    }

    /** f(x), one native op. */
    static NDArray value(Activation activation, NDArray x) {
        return switch (activation) {
            case ELU -> x.getNDArrayInternal().elu(1f);
            case RELU -> x.getNDArrayInternal().relu();
            case TANH -> x.getNDArrayInternal().tanh();
        };
    }

    /**
     * f'(x), given {@code value = f(x)} and {@code zero}, a 0-d zero of x's type: a Java 0 would become a fresh int
     * array and make PyTorch take its slower type-converting loop.
     */
    static NDArray slope(Activation activation, NDArray x, NDArray value, NDArray zero) {
        return switch (activation) {
            case ELU -> x.minimum(zero).exp();
            case RELU -> x.gt(0).toType(x.getDataType(), false);
            case TANH -> value.square().neg().addi(1);
        };
    }

    /** f''(x), given the value and slope at x; null where it is identically zero (ReLU), so callers skip it. */
    static NDArray curvature(Activation activation, NDArray x, NDArray value, NDArray slope) {
        return switch (activation) {
            case ELU -> slope.mul(x.lte(0).toType(x.getDataType(), false));
            case RELU -> null;
            case TANH -> value.mul(slope).muli(-2);
        };
    }
}
