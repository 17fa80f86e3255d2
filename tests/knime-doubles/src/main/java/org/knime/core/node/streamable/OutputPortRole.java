package org.knime.core.node.streamable;

/** Double of KNIME's OutputPortRole: distributed (not merged) or non-distributed (merged) output. */
public final class OutputPortRole extends PortRole {
    public static final OutputPortRole DISTRIBUTED = new OutputPortRole(true);

    public static final OutputPortRole NONDISTRIBUTED = new OutputPortRole(false);

    private OutputPortRole(final boolean isDistributable) {
        super(isDistributable);
    }
}
