package org.knime.core.node.streamable;

/** Double of KNIME's MergeOperator: combines the internals of several operators. */
public abstract class MergeOperator {
    /** False by default: all internals go to one {@link #mergeFinal} call. */
    public boolean isHierarchical() {
        return false;
    }

    public StreamableOperatorInternals mergeIntermediate(final StreamableOperatorInternals[] operators) {
        throw new IllegalStateException("Not implemented");
    }

    public abstract StreamableOperatorInternals mergeFinal(StreamableOperatorInternals[] operators);
}
