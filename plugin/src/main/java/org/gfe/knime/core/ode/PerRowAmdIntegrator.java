package org.gfe.knime.core.ode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * AMD with everything per row (the project's default, spec section 4 "per-row mode"): each row has its own clock,
 * step size, Armijo acceptance, forced steps, loss history and convergence test (on its own loss rather than the batch
 * mean). All running rows attempt a step in one batched evaluation; rows that reach tau or converge leave the batch
 * ({@link DescentEquation#restrictTo}) and cost nothing more.
 *
 * <p>A row whose merit becomes NaN or infinite at an accepted (necessarily forced) step stops there, with that merit
 * as its final one, so the caller sees it.
 *
 * <p>The rule for one row is exactly {@link AmdIntegrator}'s for a batch of that row alone, and every operation on
 * the state is row-wise. The evaluation is not quite, in float32: PyTorch's CPU matrix products round a row
 * differently when the batch has fewer than 16 rows (other kernels), and element-wise kernels (exp in ELU, log in
 * BCE) compute the few elements left over after the last full SIMD vector with scalar code that may differ in the
 * last bit, so the last row of a batch whose size times a layer width is no multiple of the vector width can round
 * differently (seen with the MNIST decoder: rows near the end of a batch of 64 differed from the same rows in a batch
 * of 128). So every evaluation is padded with copies of the first row, whose results are dropped, up to a multiple
 * of {@link #BATCH_INVARIANT_ROWS} rows (and at least that many): matrix products of 16 to 176 rows round every row
 * alike at any position (probed on the MNIST decoder; from 192 rows on PyTorch switches kernels, hence the encoder's
 * batch limit of 128), and no element falls into a scalar tail. A row's result is then bit-identical alone, in any
 * batch of up to 128 rows and at any position (tested with the linear decoder in float32 and float64; the MNIST
 * decoder was probed with batches of 16 to 128).
 */
public final class PerRowAmdIntegrator implements Integrator<DescentEquation> {

    /** Evaluations are padded to a multiple of this many rows (and at least this many). */
    public static final int BATCH_INVARIANT_ROWS = 16;

    private final AmdParameters parameters;
    private final int minimumRows;

    public PerRowAmdIntegrator(AmdParameters parameters) {
        this(parameters, BATCH_INVARIANT_ROWS);
    }

    /** With evaluations padded to a multiple of {@code minimumRows} rows (1 switches padding off). */
    public PerRowAmdIntegrator(AmdParameters parameters, int minimumRows) {
        this.parameters = parameters;
        this.minimumRows = Math.max(1, minimumRows);
    }

    /** The running rows' equation, and the same padded to the evaluation size with the gather that pads a state. */
    private final class Running implements AutoCloseable {
        final DescentEquation equation;
        final DescentEquation padded;
        /** Row indices 0..k-1 followed by repeats of row 0, or null when no padding is needed. */
        final NDArray padIndex;

        Running(DescentEquation equation, NDManager manager) {
            this.equation = equation;
            int k = equation.rowCount();
            int target = Math.max(minimumRows, (k + minimumRows - 1) / minimumRows * minimumRows);
            if (k == target) {
                padded = equation;
                padIndex = null;
            } else {
                int[] rows = new int[target];
                long[] index = new long[target];
                for (int i = 0; i < k; i++) {
                    rows[i] = i;
                    index[i] = i;
                }
                padded = equation.restrictTo(rows);
                // int64, PyTorch's index type: an int32 index would be converted on every attempt
                padIndex = manager.create(index);
            }
        }

        /**
         * Evaluates the k running rows through the padded equation: the padded rows are copies of row 0 (one gather),
         * whose results are dropped. The merit keeps the padded rows (callers read the first k); the derivative has k.
         */
        DescentEvaluation evaluate(double[] times, NDArray state) {
            if (padIndex == null) {
                return padded.evaluate(times, state);
            }
            int k = times.length;
            int rows = padded.rowCount();
            double[] paddedTimes = Arrays.copyOf(times, rows);
            Arrays.fill(paddedTimes, k, rows, times[0]);
            DescentEvaluation evaluation = padded.evaluate(paddedTimes, state.get(new NDIndex("{}", padIndex)));
            return new DescentEvaluation(evaluation.merit(), evaluation.derivative().get("0:" + k));
        }

        @Override
        public void close() {
            if (padIndex != null) {
                padIndex.close();
            }
        }
    }

    @Override
    public IntegrationResult integrate(DescentEquation equation, NDArray initialState, double endTime,
            StepObserver observer) {
        NDManager parent = initialState.getManager();
        DataType type = initialState.getDataType();
        int rows = equation.rowCount();
        double giveUp = parameters.giveUpStep();
        double[] t = new double[rows];
        double[] h = new double[rows];
        Arrays.fill(h, parameters.initialStep());
        int[] steps = new int[rows];
        long[] evaluations = new long[rows];
        boolean[] converged = new boolean[rows];
        double[][] history = new double[rows][LossSlope.WINDOW];
        int[] recorded = new int[rows];
        double[][] finalState = new double[rows][];
        // each row's merit at its current state, kept in Java (exact copies of the native values)
        double[] merit = new double[rows];
        int[] active = new int[rows];
        Arrays.setAll(active, m -> m);
        long totalEvaluations = rows;
        Arrays.fill(evaluations, 1);

        NDArray z = initialState.duplicate();
        Running running = new Running(equation, parent);
        NDArray g;
        boolean startsStationary = false;
        try (NDManager scope = parent.newSubManager()) {
            z.tempAttach(scope);
            DescentEvaluation start = running.evaluate(new double[rows], z);
            g = start.derivative();
            double[] startMerits = BatchArrays.toVector(start.merit());
            System.arraycopy(startMerits, 0, merit, 0, rows);
            g.attach(parent);
            if (parameters.stationarityTolerance() > 0) {
                double[] norms = BatchArrays.toVector(g.square().sum(new int[] {1}));
                startsStationary = true;
                for (int m = 0; m < rows && startsStationary; m++) {
                    startsStationary = parameters.stationary(norms[m], merit[m]);
                }
            }
        }
        if (startsStationary) {
            // every row starts where its flow has stopped (e.g. at its optimum): no step at all
            try {
                Arrays.fill(converged, true);
                return new IntegrationResult(BatchArrays.toRows(z), t, steps, evaluations, converged, merit);
            } finally {
                z.close();
                g.close();
                running.close();
            }
        }
        try {
            while (active.length > 0) {
                int k = active.length;
                double[] stepSizes = new double[k];
                double[] attemptTimes = new double[k];
                double[] clocks = new double[k];
                for (int i = 0; i < k; i++) {
                    stepSizes[i] = h[active[i]];
                    clocks[i] = t[active[i]];
                    attemptTimes[i] = clocks[i] + stepSizes[i];
                }
                NDArray zNext;
                NDArray gNext;
                int[] nextActive;
                boolean proceed;
                boolean moved;
                try (NDManager scope = parent.newSubManager()) {
                    z.tempAttach(scope);
                    g.tempAttach(scope);
                    NDArray z1 = running.equation.advance(clocks, stepSizes, z, g);
                    DescentEvaluation attempt = running.evaluate(attemptTimes, z1);
                    totalEvaluations += k;
                    NDArray g1 = attempt.derivative();
                    ArmijoCheck check = ArmijoCheck.of(attempt.merit(), g1);
                    boolean[] accepted = new boolean[k];
                    boolean[] keep = new boolean[k];
                    int kept = 0;
                    int acceptedCount = 0;
                    double largestStep = 0;
                    for (int i = 0; i < k; i++) {
                        int m = active[i];
                        evaluations[m]++;
                        double step = stepSizes[i];
                        double newLoss = check.merit(i);
                        boolean accept = check.passes(i, merit[m], parameters.armijoFactor(step));
                        if (step < giveUp) {
                            step = Math.min(parameters.forcedStep(), endTime - t[m]);
                            accept = true;
                        }
                        accepted[i] = accept;
                        largestStep = Math.max(largestStep, step);
                        if (accept) {
                            acceptedCount++;
                            merit[m] = newLoss;
                            double startOfStep = t[m];
                            t[m] = startOfStep + step;
                            steps[m]++;
                            h[m] = parameters.grownStep(step, startOfStep, endTime);
                            if (parameters.monitors(t[m], endTime)) {
                                double[] rowHistory = history[m];
                                System.arraycopy(rowHistory, 1, rowHistory, 0, LossSlope.WINDOW - 1);
                                rowHistory[LossSlope.WINDOW - 1] = newLoss;
                                recorded[m]++;
                                converged[m] = recorded[m] >= LossSlope.WINDOW
                                        && LossSlope.converged(rowHistory, parameters.convergenceTolerance());
                            }
                            converged[m] |= parameters.stationary(check.squaredNorm(i), newLoss);
                        } else {
                            h[m] = parameters.shrinkFactor() * h[m];
                        }
                        // a row whose accepted merit is NaN or infinite (diverged, or bad data) cannot recover:
                        // stop it rather than force a step every K attempts to tau
                        boolean broken = accept && !Double.isFinite(newLoss);
                        keep[i] = !(converged[m] || t[m] >= endTime || broken);
                        if (keep[i]) {
                            kept++;
                        }
                    }
                    // the common cases need no selection op: every row moved, or none did
                    if (acceptedCount == k) {
                        zNext = z1;
                        gNext = g1;
                    } else if (acceptedCount == 0) {
                        zNext = z;
                        gNext = g;
                    } else {
                        NDArray acceptCells = scope.create(accepted).reshape(new Shape(k, 1))
                                .broadcast(z1.getShape());
                        zNext = NDArrays.where(acceptCells, z1, z);
                        gNext = NDArrays.where(acceptCells, g1, g);
                    }
                    nextActive = active;
                    if (kept < k) {
                        double[][] states = BatchArrays.toRows(zNext);
                        nextActive = new int[kept];
                        int[] keptLocal = new int[kept];
                        for (int i = 0, j = 0; i < k; i++) {
                            if (keep[i]) {
                                keptLocal[j] = i;
                                nextActive[j++] = active[i];
                            } else {
                                finalState[active[i]] = states[i];
                            }
                        }
                        if (kept > 0) {
                            NDArray keptIndices = scope.create(keptLocal);
                            zNext = zNext.get(new NDIndex("{}", keptIndices));
                            gNext = gNext.get(new NDIndex("{}", keptIndices));
                            Running restricted = new Running(running.equation.restrictTo(keptLocal), parent);
                            running.close();
                            running = restricted;
                        }
                    }
                    // a state that did not move stays the caller's (it goes back to the parent when the scope closes)
                    moved = zNext != z;
                    if (moved) {
                        zNext.attach(parent);
                        gNext.attach(parent);
                    }
                    double earliest = endTime;
                    for (int m : nextActive) {
                        earliest = Math.min(earliest, t[m]);
                    }
                    proceed = observer.onStep(new StepInfo(earliest, largestStep, endTime, zNext, nextActive,
                            rows - nextActive.length, totalEvaluations));
                }
                if (moved) {
                    z.close();
                    g.close();
                    z = zNext;
                    g = gNext;
                }
                active = nextActive.length == 0 ? new int[0] : nextActive;
                if (!proceed) {
                    throw new IntegrationCancelledException();
                }
            }
            return new IntegrationResult(finalState, t, steps, evaluations, converged, merit);
        } finally {
            z.close();
            g.close();
            running.close();
        }
    }
}
