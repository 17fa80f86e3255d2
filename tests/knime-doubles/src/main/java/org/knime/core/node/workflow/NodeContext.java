package org.knime.core.node.workflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Double of KNIME's NodeContext: a stack of contexts per thread. {@link #getContext()} is the top (null if the stack
 * is empty or the top is "no context", i.e. {@code pushContext((NodeContext)null)}). The framework pushes the node
 * (KNIME: its NodeContainer) while the node works; jobs of a ThreadPool carry the context of the thread that
 * submitted them. Any object can be pushed (KNIME's pushContext(Object)); the double has no NodeContainer.
 */
public final class NodeContext {
    private static final ThreadLocal<Deque<NodeContext>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private static final NodeContext NO_CONTEXT = new NodeContext(null);

    private final Object m_contextObject;

    private NodeContext(final Object contextObject) {
        m_contextObject = contextObject;
    }

    /** The current context, or null. */
    public static NodeContext getContext() {
        final NodeContext top = STACK.get().peek();
        return top == NO_CONTEXT ? null : top;
    }

    /** Pushes a new context for this object (must not be null). */
    public static void pushContext(final Object contextObject) {
        Objects.requireNonNull(contextObject, "Context object must not be null");
        STACK.get().push(new NodeContext(contextObject));
    }

    /** Pushes an existing context; null pushes "no context". */
    public static void pushContext(final NodeContext context) {
        STACK.get().push(context == null ? NO_CONTEXT : context);
    }

    /** Pops the top context; IllegalStateException if there is none. */
    public static void removeLastContext() {
        final Deque<NodeContext> stack = STACK.get();
        if (stack.isEmpty()) {
            throw new IllegalStateException("No node context registered with the current thread");
        }
        stack.pop();
    }

    /** The object this context was pushed for (for tests). */
    Object contextObject() {
        return m_contextObject;
    }

    @Override
    public String toString() {
        return this == NO_CONTEXT ? "NO CONTEXT" : String.valueOf(m_contextObject);
    }
}
