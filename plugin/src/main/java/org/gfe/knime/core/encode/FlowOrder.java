package org.gfe.knime.core.encode;

/** Which gradient flow carries a row's latent code from its initial state to its encoding. */
public enum FlowOrder {
    /** dz/dt = -alpha grad_z L(z): plain gradient flow (spec section 2). */
    FIRST,
    /** dv/dt = m, dm/dt = -(3/(t+1e-5)) m - alpha grad_v L(v): the Nesterov-like flow (spec section 3). */
    SECOND
}
