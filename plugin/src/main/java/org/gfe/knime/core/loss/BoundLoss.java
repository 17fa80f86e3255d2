package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * A {@link ReconstructionLoss} against fixed targets (and mask), for a solver that evaluates it at many outputs: the
 * terms that depend on the targets only are computed once ({@link ReconstructionLoss#bind}), so each evaluation runs
 * fewer native ops. Gives exactly the values of {@link ReconstructionLoss#evaluate} on the same outputs.
 */
@FunctionalInterface
public interface BoundLoss {

    /** Row losses and output gradient at these outputs; results attached to the outputs' manager. */
    LossEvaluation evaluate(NDArray outputs);
}
