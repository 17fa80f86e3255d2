package org.gfe.knime.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParallelWorkTest {

    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyPieceRunsOnceOnSeveralThreads() throws Exception {
        int pieces = 200;
        AtomicInteger[] runs = new AtomicInteger[pieces];
        for (int i = 0; i < pieces; i++) {
            runs[i] = new AtomicInteger();
        }
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothWorking = new CountDownLatch(2);
        ParallelWork.of(pool, 3).forEach(pieces, i -> {
            runs[i].incrementAndGet();
            if (threads.add(Thread.currentThread())) {
                bothWorking.countDown();
            }
            try {
                bothWorking.await(2, TimeUnit.SECONDS); // so the first piece cannot finish everything alone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < pieces; i++) {
            assertEquals(1, runs[i].get(), "piece " + i);
        }
        assertTrue(threads.size() >= 2, "threads used: " + threads.size());
        assertTrue(threads.contains(Thread.currentThread()), "the caller works too");
    }

    @Test
    void callerDoesEverythingWhenTheExecutorRejectsOrNeverRuns() {
        AtomicInteger done = new AtomicInteger();
        ParallelWork.of(task -> {
            throw new RejectedExecutionException("full");
        }, 4).forEach(10, i -> done.incrementAndGet());
        assertEquals(10, done.get());
        List<Runnable> neverRun = new CopyOnWriteArrayList<>();
        ParallelWork.of(neverRun::add, 4).forEach(10, i -> done.incrementAndGet());
        assertEquals(20, done.get());
        assertEquals(3, neverRun.size(), "three helpers were asked for");
        neverRun.forEach(Runnable::run); // a helper that starts late finds nothing left
        assertEquals(20, done.get());
    }

    @Test
    void firstFailureStopsTheRestAndIsRethrown() {
        IllegalStateException failure = new IllegalStateException("piece 3 failed");
        AtomicInteger started = new AtomicInteger();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ParallelWork.CALLER_ONLY.forEach(100, i -> {
                    started.incrementAndGet();
                    if (i == 3) {
                        throw failure;
                    }
                }));
        assertSame(failure, thrown);
        assertEquals(4, started.get(), "no piece starts after the failure");
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParallelWork.of(pool, 0)).getMessage()
                .contains("at least 1"));
        assertSame(ParallelWork.CALLER_ONLY, ParallelWork.of(pool, 1));
    }
}
