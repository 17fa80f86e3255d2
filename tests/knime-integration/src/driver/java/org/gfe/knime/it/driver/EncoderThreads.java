package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.knime.core.node.KNIMEConstants;
import org.knime.core.node.workflow.NodeID;

/**
 * The Encoder computes on KNIME's thread pool: the node's own worker plus helpers from a sub pool, within KNIME's
 * thread limit ({@code KNIMEConstants.GLOBAL_THREAD_POOL}, set here as KNIME's preference page sets it). A sampler
 * counts the threads inside the core's encoding ({@code LatentEncoder.encodeBatch}) at the same moment.
 */
public final class EncoderThreads {

    private static final String ENCODING_FRAME = "org.gfe.knime.core.encode.LatentEncoder.encodeBatch";

    private EncoderThreads() {
    }

    /** Two Encoders of one workflow at once, thread limit 3: at most 3 threads encode; codes as with limit 1. */
    public static String twoEncodersAtOnceStayWithinKnimesThreadLimit() throws Exception {
        int original = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        try (Wf wf = Wf.create("two-encoders")) {
            NodeID source = wf.tecator(0, -1);
            NodeID learner = wf.learner(2, "32", 3);
            NodeID first = wf.add(Wf.ENCODER);
            NodeID second = wf.add(Wf.ENCODER);
            wf.connect(source, 1, learner, 1);
            for (NodeID encoder : new NodeID[] {first, second}) {
                wf.settings(encoder, m -> m.addInt("rows_per_chunk", 72));
                wf.connect(learner, 1, encoder, 1);
                wf.connect(source, 1, encoder, 2);
            }
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(1);
            wf.executeAll();
            List<String> columns = List.of("z1", "z2");
            double[][] oneThread = Tables.values(wf.table(first, 1), columns);

            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(3);
            wf.wfm().resetAndConfigureNode(first);
            wf.wfm().resetAndConfigureNode(second);
            int most = sampleWhile(wf::executeAll);
            assertTrue(most <= 3, "threads encoding at once: " + most + ", KNIME's limit is 3");
            assertTrue(most >= 2, "expected both Encoders (or an Encoder and a helper) at once, saw " + most);
            Checks.sameBits(oneThread, Tables.values(wf.table(first, 1), columns), "codes with 1 and 3 threads");
            Checks.sameBits(oneThread, Tables.values(wf.table(second, 1), columns), "codes of the second Encoder");
            return String.format(Locale.ROOT, "KNIME thread limit 3, two Encoders (%d processors): at most %d"
                    + " threads encoding at once; codes bit-identical to a run with limit 1", 
                    Runtime.getRuntime().availableProcessors(), most);
        } finally {
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(original);
        }
    }

    /** One Encoder with room in the pool uses a helper: two threads encode at once on a 2+ processor machine. */
    public static String oneEncoderTakesAHelperFromKnimesPool() throws Exception {
        int original = KNIMEConstants.GLOBAL_THREAD_POOL.getMaxThreads();
        try (Wf wf = Wf.create("one-encoder")) {
            NodeID source = wf.tecator(0, -1);
            NodeID learner = wf.learner(2, "32", 3);
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.connect(source, 1, learner, 1);
            wf.settings(encoder, m -> m.addInt("rows_per_chunk", 108));
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(4);
            int most = sampleWhile(wf::executeAll);
            int expected = Math.min(2, Runtime.getRuntime().availableProcessors());
            assertEquals(expected, most, "threads encoding at once (the node's and one helper)");
            return "KNIME thread limit 4, one Encoder: " + most + " threads encoding at once";
        } finally {
            KNIMEConstants.GLOBAL_THREAD_POOL.setMaxThreads(original);
        }
    }

    /** Runs {@code action} while a sampler counts the threads in the core's encoding; returns the most seen. */
    private static int sampleWhile(Runnable action) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger most = new AtomicInteger();
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
                most.accumulateAndGet(encoding, Math::max);
                Thread.onSpinWait();
            }
        }, "gfe-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            action.run();
        } finally {
            done.set(true);
            sampler.join();
        }
        return most.get();
    }
}
