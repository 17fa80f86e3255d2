package org.gfe.knime.core.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;

/**
 * Threads for independent pieces of work (batches of rows), lent by the caller: the calling thread works too, and up
 * to {@code threads - 1} helper tasks go to the caller's executor. The core never makes threads of its own; in KNIME
 * the nodes lend a sub-pool of KNIME's global thread pool, so GFE stays within KNIME's thread limit.
 *
 * <p>Pieces are claimed from a shared counter, so a helper that starts late (its pool is busy) finds less or nothing
 * to do, and {@link #forEach} never waits for a helper that has not started: with an exhausted pool the caller simply
 * does all the work itself. Which thread runs a piece never changes its result.
 */
public final class ParallelWork {

    /** Everything on the calling thread. */
    public static final ParallelWork CALLER_ONLY = new ParallelWork(Runnable::run, 1);

    private final Executor executor;
    private final int threads;

    private ParallelWork(Executor executor, int threads) {
        this.executor = executor;
        this.threads = threads;
    }

    /**
     * Work on the calling thread plus up to {@code threads - 1} tasks on {@code executor}.
     *
     * @throws IllegalArgumentException for fewer than one thread or no executor
     */
    public static ParallelWork of(Executor executor, int threads) {
        if (executor == null) {
            throw new IllegalArgumentException("An executor must be given (or use ParallelWork.CALLER_ONLY).");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("Threads must be at least 1, was " + threads + ".");
        }
        return threads == 1 ? CALLER_ONLY : new ParallelWork(executor, threads);
    }

    /** The most threads that work at once, the caller's included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code piece.accept(i)} once for every i in [0, count) and returns when all have run. After a piece fails,
     * no further piece starts; the call waits for the pieces already running, then throws the first failure.
     */
    public void forEach(int count, IntConsumer piece) {
        if (count <= 0) {
            return;
        }
        Run run = new Run(count, piece);
        int helpers = Math.min(threads, count) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(run::work);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        run.work();
        run.awaitRunningPieces();
        run.rethrowFailure();
    }

    /** One {@link #forEach} call: the claim counter, the running pieces and the first failure. */
    private static final class Run {
        private final int count;
        private final IntConsumer piece;
        private int next;
        private int running;
        private Throwable failure;

        Run(int count, IntConsumer piece) {
            this.count = count;
            this.piece = piece;
        }

        void work() {
            while (true) {
                int i;
                synchronized (this) {
                    if (failure != null || next >= count) {
                        return;
                    }
                    i = next++;
                    running++;
                }
                Throwable thrown = null;
                try {
                    piece.accept(i);
                } catch (RuntimeException | Error e) {
                    thrown = e;
                }
                synchronized (this) {
                    running--;
                    if (thrown != null && failure == null) {
                        failure = thrown;
                    }
                    notifyAll();
                }
            }
        }

        /** Waits, uninterruptibly, until no piece is running; the pieces themselves watch for cancellation. */
        synchronized void awaitRunningPieces() {
            boolean interrupted = false;
            while (running > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void rethrowFailure() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }
}
