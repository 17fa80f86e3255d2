package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.node.workflow.NodeID;

/** Two Learners of one workflow executing at the same time on KNIME's thread pool. */
public final class ConcurrentLearners {

    private ConcurrentLearners() {
    }

    public static String twoLearnersAtOnceGiveTheModelOfOneAlone() throws Exception {
        byte[] alone;
        try (Wf wf = Wf.create("learner-alone")) {
            NodeID source = wf.tecator(0, 96);
            NodeID learner = wf.learner(2, "16", 4);
            wf.connect(source, 1, learner, 1);
            wf.executeAll();
            alone = Wf.modelBytes(wf.port(learner, 1));
        }
        try (Wf wf = Wf.create("two-learners")) {
            NodeID source = wf.tecator(0, 96);
            NodeID first = wf.learner(2, "16", 4);
            NodeID second = wf.learner(2, "16", 4);
            wf.connect(source, 1, first, 1);
            wf.connect(source, 1, second, 1);
            Map<NodeID, long[]> executing = new ConcurrentHashMap<>();
            for (NodeID id : new NodeID[] {first, second}) {
                long[] span = {0, 0};
                executing.put(id, span);
                wf.node(id).addNodeStateChangeListener(e -> {
                    String state = String.valueOf(wf.node(id).getNodeContainerState());
                    if (state.equals("EXECUTING") && span[0] == 0) {
                        span[0] = System.nanoTime();
                    } else if (state.equals("EXECUTED") || state.equals("POSTEXECUTE")) {
                        span[1] = span[1] == 0 ? System.nanoTime() : span[1];
                    }
                });
            }
            wf.executeAll();
            long[] a = executing.get(first);
            long[] b = executing.get(second);
            assertTrue(a[0] > 0 && b[0] > 0 && a[1] > 0 && b[1] > 0, "state changes not seen");
            double overlap = (Math.min(a[1], b[1]) - Math.max(a[0], b[0])) / 1e9;
            assertTrue(overlap > 0, "the two Learners did not execute at the same time");
            assertTrue(java.util.Arrays.equals(alone, Wf.modelBytes(wf.port(first, 1))), "first Learner's model");
            assertTrue(java.util.Arrays.equals(alone, Wf.modelBytes(wf.port(second, 1))), "second Learner's model");
            return String.format(Locale.ROOT, "both executing together for %.2f s (%.2f s and %.2f s in all);"
                    + " both models byte-identical to the one trained alone", overlap, (a[1] - a[0]) / 1e9,
                    (b[1] - b[0]) / 1e9);
        }
    }
}
