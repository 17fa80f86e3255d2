package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gfe.knime.core.encode.FlowSolution;
import org.gfe.knime.core.encode.FlowSolver;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;
import org.gfe.knime.core.ode.StepObserver;

/**
 * Encodes the rows of a training batch by the flow, for the approximate adjoint (codes held constant afterwards).
 *
 * <p>With per-row AMD every row follows the AMD rule on its own, so the batch is split into groups and the groups are
 * solved on the threads the caller lends ({@link ParallelWork}), each in its own NDManager with its own objective. The
 * groups depend on the batch's row count alone ({@link #groupSizes}), never on the number of threads, and a group's
 * result does not depend on the thread that runs it: a run is bit-identical on one thread or many. Training solves
 * without the encoder's evaluation padding ({@link FlowSolver#FlowSolver(SolverSettings, boolean)}): a row's code then
 * depends on its group's shape within float rounding, which nobody sees inside a training batch, and each attempt
 * costs what its running rows cost.
 *
 * <p>Every other integrator solves the batch as one group, as before: the reference AMD shares one step size over the
 * batch and Dormand-Prince one error norm, so splitting would change their results.
 */
public final class TrainingBatchEncoder {

    /**
     * Most rows in one group. Small groups are inefficient: PyTorch's CPU matrix products cost about as much for 5 rows
     * as for 3 (MKL, measured on the MNIST decoder: 0.35 ms for 3 rows, 0.38 ms for 5, 0.60 ms for 16, per attempt),
     * and every attempt has a fixed cost of some 40 native ops, so a group should be as large as the parallelism
     * allows: two groups for batches up to 32 rows, groups of at most 16 rows beyond.
     */
    public static final int MAX_GROUP_ROWS = 16;

    private final SolverSettings settings;
    private final ParallelWork parallel;
    private final int maxGroupRows;

    /** Groups of at most {@link #MAX_GROUP_ROWS} rows (and at least two groups), on the threads {@code parallel} lends. */
    public TrainingBatchEncoder(SolverSettings settings, ParallelWork parallel) {
        this(settings, parallel, MAX_GROUP_ROWS);
    }

    /** The same with another group bound (for measurements and tests). */
    public TrainingBatchEncoder(SolverSettings settings, ParallelWork parallel, int maxGroupRows) {
        if (settings == null || parallel == null || maxGroupRows < 1) {
            throw new IllegalArgumentException("A training batch encoder needs solver settings, threads and a positive"
                    + " group size.");
        }
        this.settings = settings;
        this.parallel = parallel;
        this.maxGroupRows = maxGroupRows;
    }

    /**
     * The sizes of the groups a batch of {@code rows} rows is split into, in row order: one group unless the
     * integrator is per-row AMD; else at least two groups (when there are two rows) of at most the group bound, as
     * equal as possible, the larger first. Depends on the row count only.
     */
    public int[] groupSizes(int rows) {
        if (settings.integrator() != IntegratorKind.AMD_PER_ROW || rows <= 1) {
            return new int[] {rows};
        }
        int groups = Math.min(rows, Math.max(2, (rows + maxGroupRows - 1) / maxGroupRows));
        int[] sizes = new int[groups];
        for (int g = 0; g < groups; g++) {
            sizes[g] = rows / groups + (g < rows % groups ? 1 : 0);
        }
        return sizes;
    }

    /**
     * Solves the flow for the batch's rows from their start codes.
     *
     * @param rows the batch's rows (normalised, NaN = missing)
     * @param startCodes one start code per row
     * @param observer asked after every attempt of every group, from the thread solving that group (its
     *     {@link org.gfe.knime.core.ode.StepInfo} describes that group); returning false stops all groups
     * @return the codes, losses and costs of the batch's rows, in their order
     * @throws IntegrationCancelledException if the observer asked to stop
     */
    public FlowSolution solve(TrainableDecoder decoder, double[][] rows, double[][] startCodes,
            StepObserver observer) {
        int n = rows.length;
        int[] sizes = groupSizes(n);
        int[] starts = new int[sizes.length];
        for (int g = 1; g < sizes.length; g++) {
            starts[g] = starts[g - 1] + sizes[g - 1];
        }
        FlowSolution[] parts = new FlowSolution[sizes.length];
        AtomicBoolean stopped = new AtomicBoolean();
        StepObserver shared = info -> {
            if (stopped.get()) {
                return false;
            }
            if (!observer.onStep(info)) {
                stopped.set(true);
                return false;
            }
            return true;
        };
        FlowSolver solver = new FlowSolver(settings, false);
        parallel.forEach(sizes.length, g -> {
            if (stopped.get()) {
                throw new IntegrationCancelledException();
            }
            int from = starts[g];
            int to = from + sizes[g];
            try (NDManager manager = DjlRuntime.newManager()) {
                var objective = decoder.objective(manager, Arrays.copyOfRange(rows, from, to));
                NDArray z0 = BatchArrays.fromRows(manager, Arrays.copyOfRange(startCodes, from, to),
                        decoder.precision());
                parts[g] = solver.solve(objective, z0, shared);
            }
        });
        return merge(parts, n);
    }

    private static FlowSolution merge(FlowSolution[] parts, int n) {
        if (parts.length == 1) {
            return parts[0];
        }
        double[][] codes = new double[n][];
        double[] losses = new double[n];
        int[] steps = new int[n];
        long[] forwards = new long[n];
        long[] backwards = new long[n];
        boolean[] converged = new boolean[n];
        double[] endTimes = new double[n];
        int at = 0;
        for (FlowSolution part : parts) {
            int k = part.codes().length;
            System.arraycopy(part.codes(), 0, codes, at, k);
            System.arraycopy(part.losses(), 0, losses, at, k);
            System.arraycopy(part.steps(), 0, steps, at, k);
            System.arraycopy(part.forwards(), 0, forwards, at, k);
            System.arraycopy(part.inputBackwards(), 0, backwards, at, k);
            System.arraycopy(part.converged(), 0, converged, at, k);
            System.arraycopy(part.endTimes(), 0, endTimes, at, k);
            at += k;
        }
        return new FlowSolution(codes, losses, steps, forwards, backwards, converged, endTimes);
    }
}
