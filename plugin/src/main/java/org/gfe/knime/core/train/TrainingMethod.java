package org.gfe.knime.core.train;

/** How the decoder's gradient is obtained from an encoded batch (spec section 5). */
public enum TrainingMethod {
    /** The paper's GFE-amd: codes z* held constant, one backward of L(y, D(z*)) to the parameters. */
    APPROXIMATE_ADJOINT,
    /** The exact gradient through the flow by the adjoint method (first-order flow, one clock per batch). */
    FULL_ADJOINT
}
