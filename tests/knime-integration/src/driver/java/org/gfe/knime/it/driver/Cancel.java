package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;

/** Cancelling a training Learner through KNIME, as the cancel button does. */
public final class Cancel {

    private Cancel() {
    }

    public static String cancelDuringTraining() throws Exception {
        try (Wf wf = Wf.create("cancel")) {
            NodeID source = wf.tecator(0, -1);
            NodeID learner = wf.learner(5, "64", 1000);
            NodeID encoder = wf.add(Wf.ENCODER);
            wf.connect(source, 1, learner, 1);
            wf.connect(learner, 1, encoder, 1);
            wf.connect(source, 1, encoder, 2);
            NodeContainer nc = wf.node(learner);
            wf.wfm().executeAll();
            // wait until training reports its first batch
            long deadline = System.nanoTime() + 120_000_000_000L;
            // (reading the table is the first 5 % of the progress; each batch adds to it)
            while (progress(nc) <= 0.0500001) {
                assertTrue(System.nanoTime() < deadline, "training did not start: " + wf.states());
                assertTrue(nc.getNodeContainerState().isExecutionInProgress() || !nc.getNodeContainerState().isExecuted(),
                        "the Learner finished 1000 epochs before the cancel");
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            wf.wfm().cancelExecution(nc);
            while (nc.getNodeContainerState().isExecutionInProgress()) {
                assertTrue(System.nanoTime() - start < 30_000_000_000L, "still executing 30 s after cancel");
                Thread.sleep(10);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 5, "the cancel took " + seconds + " s");
            assertTrue(nc.getNodeContainerState().isConfigured() && !nc.getNodeContainerState().isExecuted(),
                    "after cancel: " + wf.states());
            assertTrue(!wf.node(encoder).getNodeContainerState().isExecuted(), wf.states());
            NodeMessage message = nc.getNodeMessage();
            assertEquals(NodeMessage.Type.WARNING, message.getMessageType(), wf.states());

            // nothing of ours is left running
            List<String> busy = threadsInOurCode();
            long threadDeadline = start + 5_000_000_000L;
            while (!busy.isEmpty() && System.nanoTime() < threadDeadline) {
                Thread.sleep(10);
                busy = threadsInOurCode();
            }
            assertEquals(List.of(), busy, "threads still in GFE code 5 s after the cancel");
            double quiet = (System.nanoTime() - start) / 1e9;

            // and the node runs again after a cancel
            wf.settings(learner, m -> m.addInt("epochs", 1));
            wf.executeAll();
            return String.format(Locale.ROOT, "the Learner left EXECUTING %.2f s after the cancel, no thread in GFE or"
                    + " DJL code after %.2f s; message: %s \"%s\"; executes again afterwards", seconds, quiet,
                    message.getMessageType(), message.getMessage());
        }
    }

    private static double progress(NodeContainer nc) {
        Double progress = nc.getProgressMonitor().getProgress();
        return progress == null ? 0 : progress;
    }

    private static List<String> threadsInOurCode() {
        List<String> threads = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : entry.getValue()) {
                String type = frame.getClassName();
                if ((type.startsWith("org.gfe.knime.") && !type.startsWith("org.gfe.knime.it.")) || type.startsWith("ai.djl.")) {
                    threads.add(entry.getKey().getName() + " at " + frame);
                    break;
                }
            }
        }
        return threads;
    }
}
