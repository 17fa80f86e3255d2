package org.knime.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knime.core.node.KNIMEConstants;
import org.knime.core.node.workflow.NodeContext;

/** The ThreadPool double keeps KNIME's limits, sub pools, invisible threads and node-context propagation. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadPoolTest {

    /** Counts how many tasks run at once; each task waits for {@code release}. */
    private static final class Concurrency {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        Runnable task() {
            return () -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
            };
        }
    }

    private static void awaitRunning(final ThreadPool pool, final int n) throws InterruptedException {
        for (int i = 0; i < 2000 && pool.getRunningThreads() < n; i++) {
            Thread.sleep(5);
        }
        assertEquals(n, pool.getRunningThreads());
    }

    @Test
    void atMostMaxThreadsRunAtOnceAndTheRestWaitInOrder() throws Exception {
        final ThreadPool pool = new ThreadPool(2);
        final Concurrency c = new Concurrency();
        final List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            futures.add(pool.enqueue(c.task()));
        }
        awaitRunning(pool, 2);
        Thread.sleep(50);
        assertEquals(2, c.running.get());
        c.release.countDown();
        pool.waitForTermination();
        for (Future<?> f : futures) {
            assertNull(f.get());
        }
        assertEquals(2, c.peak.get());
        assertEquals(0, pool.getRunningThreads());
    }

    @Test
    void subPoolJobsCountAgainstTheParentsLimit() throws Exception {
        final ThreadPool parent = new ThreadPool(3);
        final ThreadPool sub = parent.createSubPool(2);
        final ThreadPool wide = parent.createSubPool(10);
        assertEquals(3, parent.createSubPool().getMaxThreads());
        final Concurrency c = new Concurrency();
        for (int i = 0; i < 4; i++) {
            sub.enqueue(c.task());
        }
        awaitRunning(sub, 2);
        for (int i = 0; i < 4; i++) {
            wide.enqueue(c.task());
        }
        awaitRunning(parent, 3);
        Thread.sleep(50);
        assertEquals(2, sub.getRunningThreads());
        assertEquals(1, wide.getRunningThreads(), "the parent's limit, not the sub pool's 10");
        assertEquals(3, c.running.get());
        c.release.countDown();
        parent.waitForTermination();
        assertEquals(3, c.peak.get());
    }

    @Test
    void currentPoolIsThePoolThatStartedTheJob() throws Exception {
        final ThreadPool pool = new ThreadPool(2);
        final ThreadPool sub = pool.createSubPool(1);
        assertNull(ThreadPool.currentPool());
        assertSame(pool, pool.enqueue(ThreadPool::currentPool).get());
        assertSame(sub, sub.enqueue(ThreadPool::currentPool).get());
        assertTrue(sub.enqueue(() -> Thread.currentThread().getName()).get().startsWith("KNIME-Worker-"));
    }

    @Test
    void aJobWaitingForItsSubJobsDoesNotBlockAFullPool() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        final Future<Integer> outer = pool.enqueue(() -> {
            final Future<Integer> a = pool.enqueue(() -> 20);
            final Future<Integer> b = pool.enqueue(() -> 22);
            return a.get() + b.get(); // get() makes this worker invisible, so the sub-jobs can run
        });
        assertEquals(42, outer.get());
        final Future<Integer> viaRunInvisible = pool.enqueue(() -> pool.runInvisible(() -> {
            final Future<Integer> inner = pool.enqueue(() -> 7);
            while (!inner.isDone()) { // not get(): the invisibility here comes from runInvisible alone
                Thread.sleep(1);
            }
            return inner.get() * 6;
        }));
        assertEquals(42, viaRunInvisible.get());
    }

    @Test
    void runInvisibleNeedsAWorkerThreadAndWrapsExceptions() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        assertThrows(IllegalThreadStateException.class, () -> pool.runInvisible(() -> 1));
        final ThreadPool other = new ThreadPool(1);
        assertEquals(1, other.enqueue(() -> pool.runInvisible(() -> 1)).get(),
            "as in KNIME, a worker of another pool runs it invisibly in the pool that started it");
        final ExecutionException wrapped = assertThrows(ExecutionException.class, () -> pool.enqueue(
            () -> pool.runInvisible(() -> {
                throw new IllegalStateException("inner");
            })).get());
        assertTrue(wrapped.getCause() instanceof ExecutionException, wrapped.toString());
        assertEquals("inner", wrapped.getCause().getCause().getMessage());
    }

    @Test
    void jobsCarryTheNodeContextOfTheThreadThatEnqueuedThem() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        assertNull(pool.enqueue(NodeContext::getContext).get());
        NodeContext.pushContext("my node");
        try {
            final NodeContext context = NodeContext.getContext();
            assertSame(context, pool.enqueue(NodeContext::getContext).get());
            assertSame(context, pool.enqueue(() -> pool.enqueue(NodeContext::getContext).get()).get(),
                "and sub-jobs the context of their job");
        } finally {
            NodeContext.removeLastContext();
        }
        assertNull(pool.enqueue(NodeContext::getContext).get(), "the worker's stack is cleaned up");
    }

    @Test
    void trySubmitStartsOnlyIfAThreadIsFreeAndSubmitWaitsForTheStart() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        final Concurrency c = new Concurrency();
        final Future<?> first = pool.submit(c.task());
        assertEquals(1, pool.getRunningThreads());
        assertNull(pool.trySubmit(() -> 1));
        assertNull(pool.trySubmit(c.task()));
        c.release.countDown();
        first.get();
        pool.waitForTermination();
        final Future<Integer> now = pool.trySubmit(() -> 5);
        assertNotNull(now);
        assertEquals(5, now.get());
    }

    @Test
    void exceptionsReachTheFutureAndTheWorkerSurvives() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        final ExecutionException e = assertThrows(ExecutionException.class, () -> pool.enqueue(() -> {
            throw new IllegalArgumentException("bad row");
        }).get());
        assertEquals("bad row", e.getCause().getMessage());
        assertEquals(3, pool.enqueue(() -> 3).get());
    }

    @Test
    void shutdownCancelsQueuedJobsAndMaxThreadsCanChange() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        final Concurrency c = new Concurrency();
        final Future<?> running = pool.enqueue(c.task());
        awaitRunning(pool, 1);
        final Future<?> queued = pool.enqueue(c.task());
        pool.setMaxThreads(2);
        awaitRunning(pool, 2);
        final Future<?> waiting = pool.enqueue(c.task());
        pool.shutdown();
        assertTrue(waiting.isCancelled());
        assertEquals(0, pool.getMaxThreads());
        c.release.countDown();
        running.get();
        queued.get();
        pool.waitForTermination();
        assertThrows(IllegalArgumentException.class, () -> pool.setMaxThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> new ThreadPool(0));
        assertThrows(IllegalArgumentException.class, () -> pool.enqueue((java.util.concurrent.Callable<?>)null));
    }

    @Test
    void cancellingAQueuedJobDoesNotBlockWaitForTermination() throws Exception {
        final ThreadPool pool = new ThreadPool(1);
        final Concurrency c = new Concurrency();
        pool.enqueue(c.task());
        final Future<?> queued = pool.enqueue(c.task());
        assertTrue(queued.cancel(false));
        c.release.countDown();
        pool.waitForTermination();
        assertEquals(1, c.peak.get());
    }

    @Test
    void interruptAllInterruptsTheRunningJobs() throws Exception {
        final ThreadPool pool = new ThreadPool(2);
        final Concurrency c = new Concurrency();
        final Future<?> a = pool.enqueue(c.task());
        final Future<?> b = pool.enqueue(c.task());
        awaitRunning(pool, 2);
        pool.interruptAll();
        a.get();
        b.get();
        assertEquals(1, c.release.getCount(), "the jobs ended by interruption, not by release");
    }

    @Test
    void theGlobalPoolHasKnimesDefaultSize() {
        final int expected = Integer.getInteger("org.knime.core.maxThreads",
            2 * Runtime.getRuntime().availableProcessors());
        if (System.getenv("KNIME_CORE_MAX_THREADS") == null) {
            assertEquals(expected, KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads());
        }
        assertSame(KNIMEConstants.GLOBAL_THREAD_POOL, KNIMEConstants.GLOBAL_THREAD_POOL);
    }
}
