package org.gfe.knime.core.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.gfe.knime.core.flow.LatentObjective;

/**
 * A {@link LatentObjective} that also differentiates in the decoder's parameters theta, as the full adjoint needs.
 * Arrays returned are attached to the manager of {@code z}, in the decoder's parameter order.
 */
public interface ParameterisedObjective extends LatentObjective {

    /** d_theta L(z), L summed over the batch. */
    NDList parameterGradient(NDArray z);

    /** d_theta [ sum_m lambda_m . grad_z l_m(z_m) ], the mixed second derivative applied to lambda. */
    NDList mixedParameterProduct(NDArray z, NDArray lambda);
}
