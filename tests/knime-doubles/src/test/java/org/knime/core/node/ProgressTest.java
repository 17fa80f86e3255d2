package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sub-progress monitors add their share to the parent; cancellation reaches every sub-context. */
class ProgressTest {
    @Test
    void subProgressesAddTheirShares() {
        final List<Double> values = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final ExecutionContext exec = new ExecutionContext(new ProgressNode.Root(() -> false, (v, m) -> {
            values.add(v);
            messages.add(m);
        }));
        final ExecutionMonitor first = exec.createSubProgress(0.25);
        final ExecutionContext second = exec.createSubExecutionContext(0.75);
        first.setProgress(0.5, "half of first");
        assertEquals(0.125, values.get(values.size() - 1), 1e-12);
        first.setProgress(1.0);
        second.createSubProgress(0.5).setProgress(1.0, "inner");
        assertEquals(0.25 + 0.375, values.get(values.size() - 1), 1e-12);
        assertEquals("inner", messages.get(messages.size() - 1));
        exec.createSilentSubProgress(0.1).setProgress(0.5, "silent");
        assertEquals("inner", messages.get(messages.size() - 1));
        assertEquals(0.675, values.get(values.size() - 1), 1e-12);
    }

    @Test
    void cancellationReachesSubContexts() throws Exception {
        final boolean[] canceled = {false};
        final ExecutionContext exec = new ExecutionContext(new ProgressNode.Root(() -> canceled[0], (v, m) -> { }));
        final ExecutionMonitor sub = exec.createSubExecutionContext(0.5).createSubProgress(0.5);
        sub.checkCanceled();
        canceled[0] = true;
        assertThrows(CanceledExecutionException.class, sub::checkCanceled);
        assertThrows(CanceledExecutionException.class, exec::checkCanceled);
    }
}
