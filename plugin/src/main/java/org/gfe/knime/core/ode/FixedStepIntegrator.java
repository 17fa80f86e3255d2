package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * A one-step method on a uniform grid of N points over [0, end time] (N - 1 steps), as torchdiffeq's fixed-grid
 * solvers run on a {@code linspace} grid. Every row shares the grid.
 */
public abstract class FixedStepIntegrator implements Integrator<FirstOrderEquation> {

    private final int gridPoints;

    protected FixedStepIntegrator(int gridPoints) {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("Grid points N must be at least 2, was " + gridPoints + ".");
        }
        this.gridPoints = gridPoints;
    }

    public int gridPoints() {
        return gridPoints;
    }

    /** Equation evaluations per step. */
    protected abstract int stages();

    /** One step from (t, y) of size h; the result is attached to the manager of {@code state}. */
    protected abstract NDArray step(FirstOrderEquation equation, double t, double h, NDArray state);

    /** Grid point k of N over [0, end]. */
    public static double gridTime(int k, int gridPoints, double endTime) {
        return k == gridPoints - 1 ? endTime : endTime * k / (gridPoints - 1);
    }

    @Override
    public IntegrationResult integrate(FirstOrderEquation equation, NDArray initialState, double endTime,
            StepObserver observer) {
        NDManager parent = initialState.getManager();
        int rows = equation.rowCount();
        int[] allRows = new int[rows];
        Arrays.setAll(allRows, m -> m);
        NDArray state = initialState.duplicate();
        long evaluations = 0;
        for (int k = 0; k < gridPoints - 1; k++) {
            double t = gridTime(k, gridPoints, endTime);
            double h = gridTime(k + 1, gridPoints, endTime) - t;
            NDArray next;
            boolean proceed;
            try (NDManager scope = parent.newSubManager()) {
                state.tempAttach(scope);
                next = step(equation, t, h, state);
                next.attach(parent);
                evaluations += (long) stages() * rows;
                proceed = observer.onStep(new StepInfo(t + h, h, endTime, next, allRows, 0, evaluations));
            }
            state.close();
            state = next;
            if (!proceed) {
                state.close();
                throw new IntegrationCancelledException();
            }
        }
        double[][] finalState = BatchArrays.toRows(state);
        state.close();
        int[] steps = new int[rows];
        Arrays.fill(steps, gridPoints - 1);
        long[] perRow = new long[rows];
        Arrays.fill(perRow, (long) stages() * (gridPoints - 1));
        double[] endTimes = BatchArrays.times(rows, endTime);
        double[] merit = BatchArrays.times(rows, Double.NaN);
        return new IntegrationResult(finalState, endTimes, steps, perRow, new boolean[rows], merit);
    }
}
