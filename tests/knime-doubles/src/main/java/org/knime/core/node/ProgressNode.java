package org.knime.core.node;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Progress and cancellation behind an {@link ExecutionMonitor}. A sub-progress adds its progress increments,
 * scaled by its weight, to its parent (as KNIME's sub-progress monitors do); the root reports every change to a
 * sink and asks a supplier whether the execution was canceled.
 */
abstract class ProgressNode {
    abstract void checkCanceled() throws CanceledExecutionException;

    /** Adds {@code delta} (own units) to the progress if {@code progressChanged}; a null message keeps the old. */
    abstract void report(double delta, boolean progressChanged, String message);

    abstract double current();

    final void setFraction(final double fraction, final String message) {
        synchronized (this) {
            report(fraction - current(), true, message);
        }
    }

    final void setMessage(final String message) {
        report(0, false, message);
    }

    /** The top of the tree: knows the cancel state and where to report progress. */
    static final class Root extends ProgressNode {
        private final BooleanSupplier m_canceled;

        private final BiConsumer<Double, String> m_sink;

        private double m_value;

        private String m_message;

        Root(final BooleanSupplier canceled, final BiConsumer<Double, String> sink) {
            m_canceled = canceled;
            m_sink = sink;
        }

        @Override
        void checkCanceled() throws CanceledExecutionException {
            if (m_canceled.getAsBoolean()) {
                throw new CanceledExecutionException("Execution canceled");
            }
        }

        @Override
        synchronized void report(final double delta, final boolean progressChanged, final String message) {
            if (progressChanged) {
                m_value += delta;
            }
            if (message != null) {
                m_message = message;
            }
            m_sink.accept(m_value, m_message);
        }

        @Override
        synchronized double current() {
            return m_value;
        }
    }

    /** A part of the parent's progress. */
    static final class Sub extends ProgressNode {
        private final ProgressNode m_parent;

        private final double m_weight;

        private final boolean m_silent;

        private double m_value;

        Sub(final ProgressNode parent, final double weight, final boolean silent) {
            m_parent = parent;
            m_weight = weight;
            m_silent = silent;
        }

        @Override
        void checkCanceled() throws CanceledExecutionException {
            m_parent.checkCanceled();
        }

        @Override
        synchronized void report(final double delta, final boolean progressChanged, final String message) {
            if (progressChanged) {
                m_value += delta;
            }
            if (progressChanged || (!m_silent && message != null)) {
                m_parent.report(delta * m_weight, progressChanged, m_silent ? null : message);
            }
        }

        @Override
        synchronized double current() {
            return m_value;
        }
    }
}
