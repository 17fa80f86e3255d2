package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.ode.IntegrationCancelledException;

/**
 * Encodes rows to latent codes: splits them into batches of {@link SolverSettings#encodingBatchSize()} rows, starts
 * each row at its own initial code ({@link InitialCodes}), solves the flow per batch ({@link FlowSolver}) and runs
 * batches on several threads, each with its own NDManager and objectives (PyTorch itself gets one thread).
 *
 * <p>With the per-row AMD (default) and the seeded start, a row's code depends only on the row, its identity, the
 * model and the settings: not on its batch, position or thread. With AMD_REFERENCE it depends on its batch-mates
 * (one step size per batch, as in the reference).
 */
public final class LatentEncoder {

    private final ObjectiveSource source;
    private final SolverSettings settings;
    private final int threads;

    public LatentEncoder(ObjectiveSource source, SolverSettings settings) {
        this(source, settings, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public LatentEncoder(ObjectiveSource source, SolverSettings settings, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("Encoding threads must be at least 1, was " + threads + ".");
        }
        this.source = source;
        this.settings = settings;
        this.threads = threads;
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
        int batchSize = settings.encodingBatchSize();
        int batches = (rows.length + batchSize - 1) / batchSize;
        EncodedRow[] results = new EncodedRow[rows.length];
        if (batches == 0) {
            return List.of();
        }
        ProgressTracker progress = new ProgressTracker(rows.length, listener);
        AtomicInteger nextBatch = new AtomicInteger();
        int workers = Math.min(threads, batches);
        ExecutorService executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "GFE encoder");
            thread.setDaemon(true);
            return thread;
        });
        DjlRuntime.engine();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(executor.submit(() -> {
                    int batch;
                    while (!progress.cancelled() && (batch = nextBatch.getAndIncrement()) < batches) {
                        int from = batch * batchSize;
                        int to = Math.min(rows.length, from + batchSize);
                        encodeBatch(rows, rowIdentities, from, to, results, progress);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IntegrationCancelledException) {
                throw new EncodingCancelledException();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Encoding failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EncodingCancelledException("Encoding was interrupted.");
        } finally {
            progress.cancel();
            executor.shutdownNow();
        }
        if (progress.cancelled() && Arrays.stream(results).anyMatch(r -> r == null)) {
            throw new EncodingCancelledException();
        }
        return Arrays.asList(results);
    }

    private void encodeBatch(double[][] rows, long[] identities, int from, int to, EncodedRow[] results,
            ProgressTracker progress) {
        double[][] batchRows = Arrays.copyOfRange(rows, from, to);
        long[] batchIdentities = Arrays.copyOfRange(identities, from, to);
        try (NDManager manager = DjlRuntime.newManager()) {
            var objective = source.objective(manager, batchRows);
            NDArray start = BatchArrays.fromRows(manager,
                    InitialCodes.of(settings, batchIdentities, source.latentDimension()), source.precision());
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
