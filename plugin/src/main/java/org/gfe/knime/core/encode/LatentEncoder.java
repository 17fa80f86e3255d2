package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;
import org.gfe.knime.core.ode.PerRowAmdIntegrator;

/**
 * Encodes rows to latent codes: splits them into batches of at most {@link SolverSettings#encodingBatchSize()} rows,
 * starts each row at its own initial code ({@link InitialCodes}), solves the flow per batch ({@link FlowSolver}) and
 * runs the batches on the threads the caller lends ({@link ParallelWork}), each batch with its own NDManager and
 * objective (PyTorch itself gets one thread).
 *
 * <p>With the per-row AMD (default) and the seeded start, a row's code depends only on the row, its identity, the
 * model and the settings: not on its batch, position or thread. With AMD_REFERENCE it depends on its batch-mates
 * (one step size per batch, as in the reference).
 */
public final class LatentEncoder {

    private final ObjectiveSource source;
    private final SolverSettings settings;
    private final ParallelWork parallel;

    /** An encoder working on the calling thread only. */
    public LatentEncoder(ObjectiveSource source, SolverSettings settings) {
        this(source, settings, ParallelWork.CALLER_ONLY);
    }

    /** An encoder whose batches run on the threads {@code parallel} lends. */
    public LatentEncoder(ObjectiveSource source, SolverSettings settings, ParallelWork parallel) {
        if (source == null || settings == null || parallel == null) {
            throw new IllegalArgumentException("An encoder needs a model, solver settings and threads.");
        }
        this.source = source;
        this.settings = settings;
        this.parallel = parallel;
    }

    /**
     * Encodes the rows (original units, NaN = missing) in their order.
     *
     * @param rowIdentities one identity per row (e.g. a hash of the row key), seeds the row's start
     * @throws EncodingCancelledException if the listener stopped the encoding
     * @throws IllegalArgumentException for a row of the wrong width or with no present value
     */
    public List<EncodedRow> encode(double[][] rows, long[] rowIdentities, EncodingListener listener) {
        validate(rows, rowIdentities);
        if (rows.length == 0) {
            return List.of();
        }
        int batchSize = batchSize(rows.length);
        int batches = (rows.length + batchSize - 1) / batchSize;
        EncodedRow[] results = new EncodedRow[rows.length];
        ProgressTracker progress = new ProgressTracker(rows.length, listener);
        DjlRuntime.engine();
        try {
            parallel.forEach(batches, batch -> {
                if (progress.cancelled()) {
                    throw new IntegrationCancelledException();
                }
                int from = batch * batchSize;
                encodeBatch(rows, rowIdentities, from, Math.min(rows.length, from + batchSize), results, progress);
            });
        } catch (IntegrationCancelledException e) {
            throw new EncodingCancelledException();
        } finally {
            progress.cancel();
        }
        return Arrays.asList(results);
    }

    /**
     * Rows per solver batch: the settings' batch size, smaller when that leaves a thread without work. Per-row AMD
     * codes do not depend on the batch, so its batches shrink to give every thread some (in whole multiples of the
     * rows its evaluations are padded to); the reference AMD shares one step size per batch, so its batches are
     * exactly the settings'.
     */
    int batchSize(int rowCount) {
        return batchSize(settings, rowCount, parallel.threads());
    }

    /** The rule of {@link #batchSize(int)} for any encoding of {@code rowCount} rows on {@code threads} threads. */
    public static int batchSize(SolverSettings settings, int rowCount, int threads) {
        int configured = settings.encodingBatchSize();
        if (settings.integrator() == IntegratorKind.AMD_REFERENCE || threads == 1) {
            return configured;
        }
        int unit = PerRowAmdIntegrator.BATCH_INVARIANT_ROWS;
        int perThread = (rowCount + threads - 1) / threads;
        int shared = Math.max(unit, (perThread + unit - 1) / unit * unit);
        return Math.min(configured, shared);
    }

    private void encodeBatch(double[][] rows, long[] identities, int from, int to, EncodedRow[] results,
            ProgressTracker progress) {
        double[][] batchRows = Arrays.copyOfRange(rows, from, to);
        long[] batchIdentities = Arrays.copyOfRange(identities, from, to);
        try (NDManager manager = DjlRuntime.newManager()) {
            var objective = source.objective(manager, batchRows);
            NDArray start = BatchArrays.fromRows(manager,
                    source.startingCodes(settings, batchRows, batchIdentities), source.precision());
            int batchRowCount = to - from;
            FlowSolution solution = new FlowSolver(settings).solve(objective, start,
                    info -> progress.update(from, batchRowCount, info.progress()));
            for (int m = 0; m < batchRowCount; m++) {
                results[from + m] = new EncodedRow(solution.codes()[m], solution.losses()[m], solution.steps()[m],
                        solution.forwards()[m], solution.inputBackwards()[m], solution.converged()[m]);
            }
            progress.finish(from, batchRowCount);
        }
    }

    private void validate(double[][] rows, long[] identities) {
        if (rows == null || identities == null) {
            throw new IllegalArgumentException("Rows and row identities must be given.");
        }
        if (rows.length != identities.length) {
            throw new IllegalArgumentException("Got " + rows.length + " rows but " + identities.length
                    + " row identities; give one identity per row.");
        }
        for (int m = 0; m < rows.length; m++) {
            if (rows[m] == null || rows[m].length != source.columnCount()) {
                throw new IllegalArgumentException("Row " + m + " has " + (rows[m] == null ? 0 : rows[m].length)
                        + " values but the model expects " + source.columnCount() + " columns.");
            }
            boolean present = false;
            for (double value : rows[m]) {
                if (Double.isInfinite(value)) {
                    throw new IllegalArgumentException("Row " + m + " holds an infinite value; replace it or mark"
                            + " the cell missing.");
                }
                present |= !Double.isNaN(value);
            }
            if (!present) {
                throw new IllegalArgumentException("Row " + m + " has no present value, so it has no code; filter"
                        + " out rows whose cells are all missing.");
            }
        }
    }

    /** Collects per-batch progress from the workers and forwards it to the listener one call at a time. */
    private static final class ProgressTracker {
        private final int totalRows;
        private final EncodingListener listener;
        private final java.util.Map<Integer, Double> running = new java.util.HashMap<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private int finishedRows;

        ProgressTracker(int totalRows, EncodingListener listener) {
            this.totalRows = totalRows;
            this.listener = listener;
        }

        boolean cancelled() {
            return cancelled.get();
        }

        void cancel() {
            cancelled.set(true);
        }

        synchronized boolean update(int batchStart, int batchRows, double batchFraction) {
            if (cancelled.get()) {
                return false;
            }
            running.put(batchStart, batchFraction * batchRows);
            return report();
        }

        synchronized void finish(int batchStart, int batchRows) {
            running.remove(batchStart);
            finishedRows += batchRows;
            if (!report()) {
                throw new IntegrationCancelledException();
            }
        }

        private boolean report() {
            double done = finishedRows;
            for (double rowsDone : running.values()) {
                done += rowsDone;
            }
            boolean proceed;
            try {
                proceed = listener.onProgress(Math.min(1, done / totalRows), finishedRows);
            } catch (EncodingCancelledException e) {
                proceed = false;
            }
            if (!proceed) {
                cancelled.set(true);
            }
            return proceed;
        }
    }
}
