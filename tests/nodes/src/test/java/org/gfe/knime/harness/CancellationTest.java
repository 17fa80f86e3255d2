package org.gfe.knime.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.knime.core.node.CanceledExecutionException;

/** Cancellation reaches the node at its next checkCanceled, whichever way it is requested. */
class CancellationTest {
    @Test
    void cancelAfterCheckpointsStopsTheLoopAndResetsTheModel() {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.edit().setInt("steps", 1000);
        h.cancelAfterCheckpoints(7);
        assertThrows(CanceledExecutionException.class, h::execute);
        // checkpoints: check(1) progress(2) check(3) progress(4) check(5) progress(6) check(7) -> throws
        assertEquals(7, h.lastProbe().checkpoints());
        assertEquals(3, h.lastProbe().progress().size());
        assertEquals("step 3", h.lastProbe().progress().get(2).message());
        assertEquals(0, h.model().m_done, "the model must be reset after a failed execution");
    }

    @Test
    void withoutCancelTheNodeFinishes() throws Exception {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.edit().setInt("steps", 50);
        final ExecutionResult<CountingNodeModel> r = h.execute();
        assertEquals(50, Tables.column(r.table(0), "steps")[0]);
        assertEquals(100, r.probe().checkpoints());
        assertEquals(50, r.probe().checkCanceledCalls());
        assertTrue(r.specMismatches().isEmpty(), r.specMismatches().toString());
    }

    @Test
    void aConfigureThatLiesIsReported() throws Exception {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.edit().setString("promised_column", "other");
        final ExecutionResult<CountingNodeModel> r = h.execute();
        assertEquals(1, r.specMismatches().size());
        assertTrue(r.specMismatches().get(0).contains("other"), r.specMismatches().toString());
    }

    @Test
    void cancelFromAnotherThreadReachesARunningNode() throws Exception {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.edit().setInt("steps", Integer.MAX_VALUE);
        final CountDownLatch running = new CountDownLatch(1);
        h.useProbe(new ExecutionProbe().onProgress(e -> running.countDown()));
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            final Future<?> run = pool.submit(() -> h.execute());
            assertTrue(running.await(60, TimeUnit.SECONDS), "the node never reported progress");
            h.cancelNow();
            final ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            assertInstanceOf(CanceledExecutionException.class, e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelBeforeExecutionCancelsOnlyTheNextRun() throws Exception {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.cancelNow();
        assertThrows(CanceledExecutionException.class, h::execute);
        assertEquals(1, h.lastProbe().checkpoints());
        assertEquals(10, Tables.column(h.execute().table(0), "steps")[0]);
    }

    @Test
    void progressListenerCanCancelAtAMessage() {
        final NodeHarness<CountingNodeModel> h = NodeHarness.of(new CountingNodeFactory());
        h.edit().setInt("steps", 100);
        final ExecutionProbe probe = new ExecutionProbe();
        probe.onProgress(e -> {
            if ("step 42".equals(e.message())) {
                probe.cancel();
            }
        });
        h.useProbe(probe);
        assertThrows(CanceledExecutionException.class, h::execute);
        assertEquals(42, h.lastProbe().progress().size());
    }

    @Test
    void cancelInsideAColumnRearrangerStopsWithinOneRow() {
        final double[][] rows = new double[100][1];
        final NodeHarness<ScaleNodeModel> h = NodeHarness.of(new ScaleNodeFactory());
        h.cancelAfterCheckpoints(10);
        assertThrows(CanceledExecutionException.class, () -> h.execute(Tables.of(new String[]{"x"}, rows)));
        // per row: one progress update and one checkCanceled; the 10th checkpoint is row 5's check
        assertEquals(5, h.lastProbe().progress().size());
        assertEquals(10, h.lastProbe().checkpoints());
    }
}
