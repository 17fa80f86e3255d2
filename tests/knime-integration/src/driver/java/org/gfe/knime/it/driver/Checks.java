package org.gfe.knime.it.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.node.workflow.NodeContainer;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.NodeMessage;

/** Assertions on what KNIME shows of a node. */
final class Checks {

    private Checks() {
    }

    /**
     * The node did not configure (not executable) and KNIME shows the configure error as its message, as the node
     * monitor does: a WARNING (KNIME's Node.configure turns an InvalidSettingsException into a warning) naming
     * every fragment.
     */
    static String configureError(Wf wf, NodeID id, String... fragments) {
        NodeContainer nc = wf.node(id);
        assertTrue(nc.getNodeContainerState().isIdle(), nc.getNameWithID() + " should not be configured: "
                + wf.states());
        assertFalse(wf.wfm().canExecuteNodeDirectly(id), nc.getNameWithID() + " should not be executable");
        String shown = message(nc, fragments);
        // "Execute all" runs what can run upstream, configures the node again and leaves it unexecuted
        assertFalse(wf.wfm().executeAllAndWaitUntilDone(), "execute all reported success: " + wf.states());
        assertFalse(nc.getNodeContainerState().isExecuted(), wf.states());
        assertTrue(nc.getNodeContainerState().isIdle(), wf.states());
        message(nc, fragments);
        return shown;
    }

    private static String message(NodeContainer nc, String... fragments) {
        NodeMessage message = nc.getNodeMessage();
        assertEquals(NodeMessage.Type.WARNING, message.getMessageType(), nc.getNameWithID() + ": " + message);
        for (String fragment : fragments) {
            assertTrue(message.getMessage().contains(fragment), "the message of " + nc.getNameWithID()
                    + " does not name " + fragment + ": " + message.getMessage());
        }
        return nc.getName() + " shows " + message.getMessageType() + " \"" + message.getMessage() + "\"";
    }

    static String warning(Wf wf, NodeID id, String... fragments) {
        NodeContainer nc = wf.node(id);
        NodeMessage message = nc.getNodeMessage();
        assertEquals(NodeMessage.Type.WARNING, message.getMessageType(),
                "no warning on " + nc.getNameWithID() + ": " + wf.states());
        for (String fragment : fragments) {
            assertTrue(message.getMessage().contains(fragment), "the warning of " + nc.getNameWithID()
                    + " does not say " + fragment + ": " + message.getMessage());
        }
        return nc.getName() + " (" + nc.getNodeContainerState() + ") shows WARNING \"" + message.getMessage() + "\"";
    }

    static void sameBits(double[][] expected, double[][] actual, String what) {
        assertEquals(Tables.bits(expected), Tables.bits(actual), what + " differ");
    }

    static void sameModel(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> different = new ArrayList<>();
        expected.forEach((name, bytes) -> {
            if (!java.util.Arrays.equals(bytes, actual.get(name))) {
                different.add(name);
            }
        });
        assertTrue(different.isEmpty(), "serialized entries differ: " + different);
    }

    /** The tecator columns but one. */
    static String tecatorColumnsWithout(String column) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            names.add(String.format("A%03d", i));
        }
        names.addAll(List.of("water", "fat", "protein"));
        names.remove(column);
        return String.join(",", names);
    }
}
