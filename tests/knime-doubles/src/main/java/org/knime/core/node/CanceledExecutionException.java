package org.knime.core.node;

/** Double of KNIME's CanceledExecutionException, thrown by {@link ExecutionMonitor#checkCanceled()}. */
public class CanceledExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    public CanceledExecutionException() {
        super("Execution canceled");
    }

    public CanceledExecutionException(final String message) {
        super(message);
    }

    /** Something that can be asked whether the execution was canceled. */
    public interface CancelChecker {
        void checkCanceled() throws CanceledExecutionException;

        /** A checker that asks the context on every call (the double has no clock to throttle on). */
        static CancelChecker checkCanceledPeriodically(final ExecutionContext exec) {
            return exec::checkCanceled;
        }

        /** A checker that asks the context every {@code checkInterval}-th call, and on the first. */
        static CancelChecker checkCanceledPeriodically(final ExecutionContext exec, final long checkInterval) {
            final long interval = Math.max(1, checkInterval);
            final long[] calls = {0};
            return () -> {
                if (calls[0]++ % interval == 0) {
                    exec.checkCanceled();
                }
            };
        }

        /** Like {@link #checkCanceledPeriodically(ExecutionContext, long)}, reporting progress of {@code total}. */
        static CancelChecker checkCanceledPeriodicallyWithProgress(final ExecutionContext exec,
            final long checkInterval, final long total) {
            final long interval = Math.max(1, checkInterval);
            final long[] calls = {0};
            return () -> {
                final long done = calls[0]++;
                if (done % interval == 0) {
                    if (total > 0) {
                        exec.setProgress(Math.min(1.0, done / (double)total));
                    }
                    exec.checkCanceled();
                }
            };
        }
    }
}
