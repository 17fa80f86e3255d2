package org.knime.core.node;

import java.util.function.Supplier;

/**
 * Double of KNIME's ExecutionMonitor: progress, messages and cancellation. Sub-progress monitors contribute
 * their progress, scaled by their fraction, to the parent. A monitor made with the public constructor is never
 * canceled; the harness makes monitors that can be.
 */
public class ExecutionMonitor {
    private final ProgressNode m_progress;

    public ExecutionMonitor() {
        this(new ProgressNode.Root(() -> false, (value, message) -> { }));
    }

    ExecutionMonitor(final ProgressNode progress) {
        m_progress = progress;
    }

    final ProgressNode progressNode() {
        return m_progress;
    }

    public void checkCanceled() throws CanceledExecutionException {
        m_progress.checkCanceled();
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(new ProgressNode.Sub(m_progress, maxProg, false));
    }

    /** A sub-progress whose messages are not shown. */
    public ExecutionMonitor createSilentSubProgress(final double maxProg) {
        return new ExecutionMonitor(new ProgressNode.Sub(m_progress, maxProg, true));
    }

    public void setMessage(final String message) {
        m_progress.setMessage(message);
    }

    public void setMessage(final Supplier<String> messageSupplier) {
        m_progress.setMessage(messageSupplier == null ? null : messageSupplier.get());
    }

    public void setProgress(final double progress) {
        m_progress.setFraction(progress, null);
    }

    public void setProgress(final double progress, final String message) {
        m_progress.setFraction(progress, message);
    }

    public void setProgress(final double progress, final Supplier<String> messageSupplier) {
        m_progress.setFraction(progress, messageSupplier == null ? null : messageSupplier.get());
    }

    /** Sets the message only. */
    public void setProgress(final String message) {
        m_progress.setMessage(message);
    }
}
