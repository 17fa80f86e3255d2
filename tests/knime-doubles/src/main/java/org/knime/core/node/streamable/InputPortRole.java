package org.knime.core.node.streamable;

/** Double of KNIME's InputPortRole: distributable and/or streamable (a {@link RowInput}) input. */
public final class InputPortRole extends PortRole {
    public static final InputPortRole DISTRIBUTED_STREAMABLE = new InputPortRole(true, true);

    public static final InputPortRole DISTRIBUTED_NONSTREAMABLE = new InputPortRole(true, false);

    public static final InputPortRole NONDISTRIBUTED_STREAMABLE = new InputPortRole(false, true);

    public static final InputPortRole NONDISTRIBUTED_NONSTREAMABLE = new InputPortRole(false, false);

    private final boolean m_isStreamable;

    private InputPortRole(final boolean isDistributable, final boolean isStreamable) {
        super(isDistributable);
        m_isStreamable = isStreamable;
    }

    public boolean isStreamable() {
        return m_isStreamable;
    }

    /** One of the four constants. */
    public static InputPortRole get(final boolean isDistributable, final boolean isStreamable) {
        if (isDistributable) {
            return isStreamable ? DISTRIBUTED_STREAMABLE : DISTRIBUTED_NONSTREAMABLE;
        }
        return isStreamable ? NONDISTRIBUTED_STREAMABLE : NONDISTRIBUTED_NONSTREAMABLE;
    }
}
