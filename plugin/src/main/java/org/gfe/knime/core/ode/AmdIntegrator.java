package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;

/**
 * Adaptive minimise-distance (AMD), reference-faithful (spec section 4): one step size for the whole batch, an
 * explicit Euler attempt z1 = z + h f(z), accepted only if every row passes the Armijo test
 * {@code l0 - l1 >= sigma h hmax ||f(z1)||^2} with the derivative at the new point; a step is forced once h has
 * shrunk below rho^K (the state moves by that tiny h, the clock by min(hconv, tau - t)); after an accepted step
 * h = min(max(h0, 1.1 h), hmax, tau - t_old), so the last step may overshoot tau, as in the reference; once
 * (tau - t)/tau <= p the batch-mean loss is recorded and the run stops when the mean numpy.gradient of the last
 * five records is below gtol ({@link LossSlope}).
 *
 * <p>Cost: the reference evaluates the loss at z, z1 and again inside f; here l0 is the previous l1 and l1 comes with
 * f(z1), so an attempt costs one evaluation (one forward and one input-backward) and the start one more. Same
 * trajectory, a third of the forwards.
 */
public final class AmdIntegrator implements Integrator<DescentEquation> {

    private final AmdParameters parameters;

    public AmdIntegrator(AmdParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public IntegrationResult integrate(DescentEquation equation, NDArray initialState, double endTime,
            StepObserver observer) {
        NDManager parent = initialState.getManager();
        int rows = equation.rowCount();
        int[] allRows = new int[rows];
        Arrays.setAll(allRows, m -> m);
        double giveUp = parameters.giveUpStep();

        NDArray z = initialState.duplicate();
        NDArray g;
        double[] l0;
        try (NDManager scope = parent.newSubManager()) {
            z.tempAttach(scope);
            DescentEvaluation start = equation.evaluate(BatchArrays.times(rows, 0), z);
            g = start.derivative();
            l0 = BatchArrays.toVector(start.merit());
            g.attach(parent);
        }
        long evaluations = 1;
        double t = 0;
        double h = parameters.initialStep();
        int steps = 0;
        boolean converged = false;
        double[] history = new double[LossSlope.WINDOW];
        int recorded = 0;
        try {
            while (t < endTime && !converged) {
                boolean accept;
                NDArray z1;
                NDArray g1;
                double[] l1 = null;
                boolean proceed;
                double step = h;
                try (NDManager scope = parent.newSubManager()) {
                    z.tempAttach(scope);
                    g.tempAttach(scope);
                    z1 = equation.advance(BatchArrays.times(rows, t), BatchArrays.times(rows, h), z, g);
                    DescentEvaluation attempt = equation.evaluate(BatchArrays.times(rows, t + h), z1);
                    evaluations++;
                    g1 = attempt.derivative();
                    ArmijoCheck check = ArmijoCheck.of(attempt.merit(), g1);
                    double factor = parameters.armijoFactor(h);
                    accept = true;
                    for (int m = 0; m < rows && accept; m++) {
                        accept = check.passes(m, l0[m], factor);
                    }
                    if (h < giveUp) {
                        step = Math.min(parameters.forcedStep(), endTime - t);
                        accept = true;
                    }
                    if (accept) {
                        double startOfStep = t;
                        t = startOfStep + step;
                        steps++;
                        h = parameters.grownStep(step, startOfStep, endTime);
                        l1 = new double[rows];
                        for (int m = 0; m < rows; m++) {
                            l1[m] = check.merit(m);
                        }
                        if (parameters.monitors(t, endTime)) {
                            // the batch mean as the reference takes it: native, in the merits' precision
                            double meanLoss = BatchArrays.toVector(attempt.merit().mean())[0];
                            System.arraycopy(history, 1, history, 0, LossSlope.WINDOW - 1);
                            history[LossSlope.WINDOW - 1] = meanLoss;
                            recorded++;
                            converged = recorded >= LossSlope.WINDOW
                                    && LossSlope.converged(history, parameters.convergenceTolerance());
                        }
                        z1.attach(parent);
                        g1.attach(parent);
                    } else {
                        h = parameters.shrinkFactor() * h;
                    }
                    proceed = observer.onStep(new StepInfo(t, step, endTime, accept ? z1 : z, allRows, 0,
                            evaluations * rows));
                }
                if (accept) {
                    z.close();
                    g.close();
                    z = z1;
                    g = g1;
                    l0 = l1;
                }
                if (!proceed) {
                    throw new IntegrationCancelledException();
                }
            }
            double[][] finalState = BatchArrays.toRows(z);
            double[] merit = l0;
            int[] stepCounts = new int[rows];
            Arrays.fill(stepCounts, steps);
            long[] perRow = new long[rows];
            Arrays.fill(perRow, evaluations);
            boolean[] convergedRows = new boolean[rows];
            Arrays.fill(convergedRows, converged);
            return new IntegrationResult(finalState, BatchArrays.times(rows, t), stepCounts, perRow, convergedRows,
                    merit);
        } finally {
            z.close();
            g.close();
        }
    }
}
