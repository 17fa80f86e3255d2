package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.KNIMEConstants;

/**
 * The Encoder computes on threads of KNIME's pool: its own (node) thread plus helpers from a sub pool, never more
 * than KNIME's thread limit allows. The nodes run as KNIME runs them, as jobs of {@link KNIMEConstants#GLOBAL_THREAD_POOL}
 * (the doubles' pool keeps KNIME's limits); a sampler counts the threads that are inside the core's encoding at the
 * same moment.
 */
class ThreadLimitTest {

    private static final String ENCODING_FRAME = "org.gfe.knime.core.encode.LatentEncoder.encodeBatch";

    private static GfeModelPortObject model;
    private static int originalLimit;

    @BeforeAll
    static void train() throws Exception {
        originalLimit = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        model = GfeNodes.learner(2, "32", 2).execute(SmallData.table(100, 41), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
    }

    @AfterEach
    void restoreLimit() {
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(originalLimit);
    }

    @Test
    void oneEncoderUsesAHelperFromKnimesPoolAndGivesTheSameCodes() throws Exception {
        BufferedDataTable table = SmallData.table(400, 42);
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(1);
        double[][] alone = codes(run(table)); // limit 1: the node's thread only
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(4);
        Sampled sampled = sample(() -> List.of(KNIMEConstants.GLOBAL_THREAD_POOL.enqueue(() -> run(table))));
        assertEquals(Math.min(2, Runtime.getRuntime().availableProcessors()), sampled.maxConcurrent,
                "the node's thread and one helper on a machine with 2+ processors");
        double[][] pooled = codes(sampled.tables.get(0));
        for (int m = 0; m < alone.length; m++) {
            assertEquals(alone[m][0], pooled[m][0], 0, "row " + m);
            assertEquals(alone[m][1], pooled[m][1], 0, "row " + m);
        }
    }

    @Test
    void twoEncodersAtOnceStayWithinKnimesThreadLimit() throws Exception {
        KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(3);
        BufferedDataTable table = SmallData.table(400, 43);
        Sampled sampled = sample(() -> List.of(KNIMEConstants.GLOBAL_THREAD_POOL.enqueue(() -> run(table)),
                KNIMEConstants.GLOBAL_THREAD_POOL.enqueue(() -> run(table))));
        System.out.println("two encoders, KNIME thread limit 3: at most " + sampled.maxConcurrent
                + " threads encoding at once");
        assertTrue(sampled.maxConcurrent <= 3, "threads encoding at once: " + sampled.maxConcurrent);
        assertTrue(sampled.maxConcurrent >= 2, "both nodes ran at once: " + sampled.maxConcurrent);
        assertEquals(2, sampled.tables.size());
    }

    private static NodeHarness<GfeEncoderNodeModel> encoder() {
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setInt("rows_per_chunk", 200);
        return encoder;
    }

    private static BufferedDataTable run(BufferedDataTable table) throws Exception {
        return encoder().execute(model, table, null).table(0);
    }

    private static double[][] codes(BufferedDataTable table) {
        return Tables.toArray(table, "z1", "z2");
    }

    /** The finished tables and the most threads seen inside the core's encoding at once. */
    private record Sampled(List<BufferedDataTable> tables, int maxConcurrent) {
    }

    private interface Jobs {
        List<Future<BufferedDataTable>> start();
    }

    /** Starts the jobs and samples every thread's stack until they are done. */
    private static Sampled sample(Jobs jobs) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger max = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                int encoding = 0;
                for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
                    for (StackTraceElement frame : entry.getValue()) {
                        if ((frame.getClassName() + "." + frame.getMethodName()).equals(ENCODING_FRAME)) {
                            encoding++;
                            break;
                        }
                    }
                }
                max.accumulateAndGet(encoding, Math::max);
                Thread.onSpinWait();
            }
        }, "thread-limit-sampler");
        sampler.start();
        List<BufferedDataTable> tables = new ArrayList<>();
        try {
            for (Future<BufferedDataTable> job : jobs.start()) {
                tables.add(job.get());
            }
        } finally {
            done.set(true);
            sampler.join();
        }
        return new Sampled(tables, max.get());
    }
}
