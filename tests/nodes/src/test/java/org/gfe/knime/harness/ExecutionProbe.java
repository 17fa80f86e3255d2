package org.gfe.knime.harness;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.knime.core.node.ExecutionContext;
import org.knime.core.node.TestNodeAccess;

/**
 * Watches one execution: records progress, counts checkpoints and decides cancellation. A checkpoint is a call
 * of {@code checkCanceled()} or a progress/message update, on the context or any sub-context. The execution is
 * canceled after {@code cancelAfterCheckpoints} checkpoints (if > 0), when {@link #cancel()} is called (from any
 * thread), or when a progress listener calls {@link #cancel()}; the node sees it at its next
 * {@code checkCanceled()}.
 */
public final class ExecutionProbe {
    private final long m_cancelAfter;

    private final AtomicLong m_checkpoints = new AtomicLong();

    private final AtomicLong m_checkCanceledCalls = new AtomicLong();

    private volatile boolean m_canceled;

    private final List<ProgressEvent> m_events = new CopyOnWriteArrayList<>();

    private final List<Consumer<ProgressEvent>> m_listeners = new CopyOnWriteArrayList<>();

    /** A probe that never cancels by itself. */
    public ExecutionProbe() {
        this(0);
    }

    /** A probe that cancels at the given checkpoint (1 = the first); 0 or less: never by itself. */
    public ExecutionProbe(final long cancelAfterCheckpoints) {
        m_cancelAfter = cancelAfterCheckpoints;
    }

    /** A fresh execution context reporting to this probe. */
    public ExecutionContext newContext() {
        return TestNodeAccess.newExecutionContext(this::onCheckCanceled, this::onProgress);
    }

    /** Called with every progress event, on the node's thread (e.g. to cancel at a certain message). */
    public ExecutionProbe onProgress(final Consumer<ProgressEvent> listener) {
        m_listeners.add(listener);
        return this;
    }

    /** Requests cancellation; safe from any thread. */
    public void cancel() {
        m_canceled = true;
    }

    public boolean isCanceled() {
        return m_canceled;
    }

    /** Checkpoints so far (checkCanceled calls plus progress updates). */
    public long checkpoints() {
        return m_checkpoints.get();
    }

    public long checkCanceledCalls() {
        return m_checkCanceledCalls.get();
    }

    public List<ProgressEvent> progress() {
        return List.copyOf(m_events);
    }

    private void checkpoint() {
        final long n = m_checkpoints.incrementAndGet();
        if (m_cancelAfter > 0 && n >= m_cancelAfter) {
            m_canceled = true;
        }
    }

    private boolean onCheckCanceled() {
        m_checkCanceledCalls.incrementAndGet();
        checkpoint();
        return m_canceled;
    }

    private void onProgress(final Double fraction, final String message) {
        final ProgressEvent e = new ProgressEvent(fraction == null ? Double.NaN : fraction, message);
        m_events.add(e);
        for (Consumer<ProgressEvent> l : m_listeners) {
            l.accept(e);
        }
        checkpoint();
    }
}
