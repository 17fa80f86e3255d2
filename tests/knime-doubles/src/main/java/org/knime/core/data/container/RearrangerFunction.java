package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.NodeLogger;
import org.knime.core.node.streamable.StreamableFunction;
import org.knime.core.node.streamable.StreamableOperatorInternals;

/**
 * The streamable form of a {@link ColumnRearranger} (KNIME's ColumnRearrangerFunction): per row, each distinct factory
 * is asked once, in the calling thread (no parallel processing when streamed, as in KNIME), and the output row is
 * assembled from input cells and new cells; {@link AbstractCellFactory#afterProcessing()} at the end. Too few cells
 * from a factory fail with IndexOutOfBoundsException, too many are logged once per factory class (as in KNIME).
 */
final class RearrangerFunction extends StreamableFunction {
    private static final Set<Class<?>> REPORTED = new HashSet<>();

    private final List<ColumnRearranger.Slot> m_slots;

    private final List<CellFactory> m_factories = new ArrayList<>();

    private final StreamableOperatorInternals m_emptyInternals;

    RearrangerFunction(final ColumnRearranger rearranger, final StreamableOperatorInternals emptyInternals,
        final int inPortIdx, final int outPortIdx) {
        super(inPortIdx, outPortIdx);
        m_slots = rearranger.slots();
        for (ColumnRearranger.Slot s : m_slots) {
            if (s.factory != null && m_factories.stream().noneMatch(f -> f == s.factory)) {
                m_factories.add(s.factory);
            }
        }
        m_emptyInternals = emptyInternals;
    }

    @Override
    public DataRow compute(final DataRow inputRow, final long rowIndex) {
        final Map<CellFactory, DataCell[]> fromFactories = new IdentityHashMap<>();
        for (CellFactory f : m_factories) {
            final DataCell[] cells = f.getCells(inputRow, rowIndex);
            final int expected = f.getColumnSpecs().length;
            if (cells.length != expected) {
                final String error = String.format("New cells array length conflict: expected %d, actual %d (class %s)",
                    expected, cells.length, f.getClass().getName());
                if (cells.length < expected) {
                    throw new IndexOutOfBoundsException(error);
                }
                synchronized (REPORTED) {
                    if (REPORTED.add(f.getClass())) {
                        NodeLogger.getLogger(ColumnRearranger.class).coding(error);
                    }
                }
            }
            fromFactories.put(f, cells);
        }
        final DataCell[] out = new DataCell[m_slots.size()];
        for (int i = 0; i < out.length; i++) {
            final ColumnRearranger.Slot s = m_slots.get(i);
            out[i] = s.factory == null ? inputRow.getCell(s.inputIndex) : fromFactories.get(s.factory)[s.factoryIndex];
        }
        return new DefaultRow(inputRow.getKey(), out);
    }

    @Deprecated
    @Override
    public DataRow compute(final DataRow input) {
        return compute(input, 0);
    }

    @Override
    public void finish() {
        super.finish();
        for (CellFactory f : m_factories) {
            if (f instanceof AbstractCellFactory) {
                ((AbstractCellFactory)f).afterProcessing();
            }
        }
    }

    @Override
    public StreamableOperatorInternals saveInternals() {
        return m_emptyInternals;
    }
}
