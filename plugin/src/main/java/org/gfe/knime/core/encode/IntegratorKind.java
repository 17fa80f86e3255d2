package org.gfe.knime.core.encode;

/** The ODE solver that integrates the gradient flow. */
public enum IntegratorKind {
    /** Adaptive minimise-distance with step size, acceptance and convergence per row (the product default). */
    AMD_PER_ROW,
    /** Adaptive minimise-distance exactly as the reference implementation runs it: one step size per batch. */
    AMD_REFERENCE,
    /** Classical Runge-Kutta of order 4 in the 3/8 form (torchdiffeq's "rk4") on a uniform grid. */
    RK4,
    /** Explicit Euler on a uniform grid. */
    EULER,
    /** Adaptive Dormand-Prince 5(4) with relative and absolute tolerances. */
    DORMAND_PRINCE
}
