package org.knime.core.node.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** NodeContext is a per-thread stack; "no context" (null) can be pushed too. */
class NodeContextTest {
    @Test
    void contextsStackPerThread() throws Exception {
        assertNull(NodeContext.getContext());
        NodeContext.pushContext("node 1");
        final NodeContext first = NodeContext.getContext();
        assertEquals("node 1", first.contextObject());
        NodeContext.pushContext((NodeContext)null);
        assertNull(NodeContext.getContext(), "no context on top");
        final Thread other = new Thread(() -> assertNull(NodeContext.getContext()));
        other.start();
        other.join();
        NodeContext.removeLastContext();
        assertSame(first, NodeContext.getContext());
        NodeContext.pushContext(first);
        NodeContext.removeLastContext();
        NodeContext.removeLastContext();
        assertNull(NodeContext.getContext());
        assertThrows(IllegalStateException.class, NodeContext::removeLastContext);
        assertThrows(NullPointerException.class, () -> NodeContext.pushContext((Object)null));
    }
}
