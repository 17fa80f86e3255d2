package org.gfe.knime.core.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.DescentEquation;
import org.gfe.knime.core.ode.DescentEvaluation;

/**
 * The second-order (Nesterov-like) flow of spec section 3, dv/dt = m, dm/dt = -(3/(t + 1e-5)) m - alpha grad_v L(v),
 * written as a first-order system on the state {@code [v | m]} of shape {@code [rows, 2d]} (both halves start at 0).
 *
 * <p>Merit for AMD (the reference's AMD version of this flow crashes, so this rule is ours): the energy
 * E = L(v) + |m|^2 / (2 alpha), which the exact flow never increases (dE/dt = -(3/(t + 1e-5)) |m|^2 / alpha). The loss
 * alone is the wrong test: with momentum it rises now and then on the exact trajectory, and AMD would reject those
 * steps until it forces them. At m = 0 the energy is the loss. The row's code is v, its loss L(v).
 *
 * <p>AMD's step for this flow ({@link #advance}) is semi-implicit Euler, not explicit: the force -alpha grad L(v) is
 * taken at the old point, the friction at the new time implicitly, and v moves with the new momentum:
 * m1 = (m - h alpha grad L(v)) / (1 + 3h/(t + h + 1e-5)), v1 = v + h m1. Explicit Euler raises the energy of an
 * undamped oscillation on every step (by a factor 1 + lambda h^2), so once the friction 3/t has faded AMD would
 * shrink the step until the run stalls; the semi-implicit step is stable for lambda h^2 < 4 and first order like
 * Euler.
 */
public final class SecondOrderGradientFlow implements DescentEquation {

    /** Keeps the friction finite at t = 0, as in the reference. */
    public static final double TIME_OFFSET = 1e-5;

    private final LatentObjective objective;
    private final double flowRate;

    public SecondOrderGradientFlow(LatentObjective objective, double flowRate) {
        if (!(flowRate > 0) || Double.isInfinite(flowRate)) {
            throw new IllegalArgumentException("Flow rate alpha must be a positive finite number, was " + flowRate);
        }
        this.objective = objective;
        this.flowRate = flowRate;
    }

    public LatentObjective objective() {
        return objective;
    }

    @Override
    public int rowCount() {
        return objective.rowCount();
    }

    @Override
    public int dimension() {
        return 2 * objective.latentDimension();
    }

    /** The position half v of a state {@code [v | m]}. */
    public NDArray position(NDArray state) {
        return state.get(":, 0:" + objective.latentDimension());
    }

    /** The momentum half m of a state {@code [v | m]}. */
    public NDArray momentum(NDArray state) {
        return state.get(":, " + objective.latentDimension() + ":");
    }

    @Override
    public DescentEvaluation evaluate(double[] times, NDArray state) {
        NDArray v = position(state);
        NDArray m = momentum(state);
        LossAndGradient lossAndGradient = objective.lossAndGradient(v);
        double[] friction = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            friction[i] = -3 / (times[i] + TIME_OFFSET);
        }
        NDArray frictionColumn = BatchArrays.column(state.getManager(), friction, state.getDataType());
        NDArray acceleration = m.mul(frictionColumn).sub(lossAndGradient.gradient().mul(flowRate));
        NDArray derivative = m.concat(acceleration, 1);
        NDArray kinetic = m.square().sum(new int[] {1}).mul(0.5 / flowRate);
        NDArray energy = lossAndGradient.rowLosses().add(kinetic.reshape(new Shape(rowCount())));
        return new DescentEvaluation(energy, derivative);
    }

    @Override
    public NDArray advance(double[] times, double[] steps, NDArray state, NDArray derivative) {
        int rows = times.length;
        double[] oldFriction = new double[rows];
        double[] damping = new double[rows];
        for (int i = 0; i < rows; i++) {
            oldFriction[i] = 3 / (times[i] + TIME_OFFSET);
            damping[i] = 1 / (1 + 3 * steps[i] / (times[i] + steps[i] + TIME_OFFSET));
        }
        var manager = state.getManager();
        var type = state.getDataType();
        NDArray stepColumn = BatchArrays.column(manager, steps, type);
        NDArray v = position(state);
        NDArray m = momentum(state);
        // the derivative holds -(3/t) m - alpha grad L(v); recover the force -alpha grad L(v)
        NDArray force = momentum(derivative).add(m.mul(BatchArrays.column(manager, oldFriction, type)));
        NDArray m1 = m.add(force.mul(stepColumn)).mul(BatchArrays.column(manager, damping, type));
        NDArray v1 = v.add(m1.mul(stepColumn));
        return v1.concat(m1, 1);
    }

    @Override
    public SecondOrderGradientFlow restrictTo(int[] rows) {
        return new SecondOrderGradientFlow(objective.restrictTo(rows), flowRate);
    }
}
