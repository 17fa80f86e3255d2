package org.knime.core.node.streamable;

import org.knime.core.node.ExecutionContext;

/**
 * Double of KNIME's StreamableOperator: runs a node on {@link PortInput}s ({@link RowInput} for streamable ports,
 * {@link PortObjectInput} otherwise) and fills its {@link PortOutput}s.
 */
public abstract class StreamableOperator {
    public abstract void runFinal(PortInput[] inputs, PortOutput[] outputs, ExecutionContext exec) throws Exception;

    /** One pass of an iterative execution; empty by default. */
    public void runIntermediate(final PortInput[] inputs, final ExecutionContext exec) throws Exception {
        // possibly overridden
    }

    public void loadInternals(final StreamableOperatorInternals internals) {
        // possibly overridden
    }

    /** None by default. */
    public StreamableOperatorInternals saveInternals() {
        return null;
    }
}
