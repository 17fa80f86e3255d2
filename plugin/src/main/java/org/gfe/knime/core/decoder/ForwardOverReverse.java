package org.gfe.knime.core.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Exact second-order products of {@code L(a0) = sum l(D(a0))}, a loss separable in the decoder outputs, by
 * forward-over-reverse (Pearlmutter's R-operator): differentiate the explicit back-propagation along a direction v
 * of the input, instead of a create-graph backward (which leaks native memory in DJL).
 *
 * <p>Every layer is affine, s_k = A_{W_k} a_k + b_k, and linear in a_k and in W_k, so its R-op is the layer itself.
 * R-forward: Ra_0 = v, Rs_k = A_{W_k} Ra_k, Ra_{k+1} = f'(s_k) Rs_k. R-backward, from R(dL/du) = c * Ru with c the
 * loss's diagonal curvature in the outputs: R(dL/da_k) = A_{W_k}^T Rdelta_k and
 * Rdelta_{k-1} = R(dL/da_k) f'(s_{k-1}) + (dL/da_k) f''(s_{k-1}) Rs_{k-1}. Then H v = R(dL/da_0), and the mixed
 * product d_theta (v . grad L) = R(dL/dtheta): R(dL/dW_k) = G(Rdelta_k, a_k) + G(delta_k, Ra_k) with G the layer's
 * weight gradient (Rdelta_k^T a_k + delta_k^T Ra_k for a dense layer), R(dL/db_k) = biasGradient(Rdelta_k).
 */
final class ForwardOverReverse {

    private ForwardOverReverse() {
    }

    /**
     * @param wantInput compute H v (returned as the input gradient)
     * @param wantParameters compute the mixed product (returned as the parameter gradients)
     */
    static MlpDecoder.Backward products(DecoderPass pass, NDArray outputGradient, NDArray outputCurvature,
            NDArray direction, boolean wantInput, boolean wantParameters) {
        int layers = pass.layerCount();
        NDArray[] rInputs = new NDArray[layers];
        NDArray[] rPre = new NDArray[layers];
        rInputs[0] = direction.getDataType() == pass.input().getDataType() ? direction
                : direction.toType(pass.input().getDataType(), false);
        for (int k = 0; k < layers; k++) {
            rPre[k] = pass.layer(k).applyLinear(rInputs[k]);
            if (k < layers - 1) {
                rInputs[k + 1] = rPre[k].mul(pass.slope(k));
            }
        }
        NDArray[] parameterProducts = wantParameters ? new NDArray[2 * layers] : null;
        NDArray delta = outputGradient;
        NDArray rDelta = outputCurvature.mul(rPre[layers - 1]);
        NDArray hessianProduct = null;
        for (int k = layers - 1; k >= 0; k--) {
            if (wantParameters) {
                parameterProducts[2 * k] = pass.layer(k).weightGradient(rDelta, pass.layerInput(k))
                        .addi(pass.layer(k).weightGradient(delta, rInputs[k]));
                parameterProducts[2 * k + 1] = pass.layer(k).biasGradient(rDelta);
            }
            if (k == 0) {
                if (wantInput) {
                    hessianProduct = pass.layer(0).applyTransposed(rDelta);
                }
                break;
            }
            NDArray upstream = pass.layer(k).applyTransposed(delta);
            NDArray rUpstream = pass.layer(k).applyTransposed(rDelta);
            NDArray slope = pass.slope(k - 1);
            NDArray curvature = pass.curvature(k - 1);
            delta = upstream.mul(slope);
            rDelta = rUpstream.muli(slope);
            if (curvature != null) {
                rDelta.addi(upstream.muli(curvature).muli(rPre[k - 1]));
            }
        }
        return new MlpDecoder.Backward(hessianProduct, wantParameters ? new NDList(parameterProducts) : null);
    }
}
