package org.gfe.knime.core.loss;

import ai.djl.ndarray.NDArray;

/**
 * DJL attaches the result of {@code a.op(b)} to a's manager. Targets and masks usually live in a batch's long-lived
 * manager while outputs live in a step's short one, so a result computed from a target must be moved to the
 * outputs' manager, or every solver step would leave it behind in the batch's manager until the batch ends.
 */
final class Ownership {

    private Ownership() {
    }

    /** {@code result}, attached to the manager of {@code outputs}. */
    static NDArray like(NDArray outputs, NDArray result) {
        if (result.getManager() != outputs.getManager()) {
            result.attach(outputs.getManager());
        }
        return result;
    }
}
