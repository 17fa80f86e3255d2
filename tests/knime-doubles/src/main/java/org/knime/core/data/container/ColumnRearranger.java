package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.streamable.StreamableFunction;
import org.knime.core.node.streamable.StreamableOperatorInternals;

/**
 * Double of KNIME's ColumnRearranger: a list of output columns, each either a column of the input table or a
 * column produced by a {@link CellFactory}. Run it with ExecutionContext.createColumnRearrangeTable, or row by row
 * (streamed) through {@link #createStreamableFunction()}.
 */
public class ColumnRearranger {
    /** One output column: an input column (factory == null) or column {@code factoryIndex} of a factory. */
    static final class Slot {
        final DataColumnSpec spec;

        final int inputIndex;

        final CellFactory factory;

        final int factoryIndex;

        Slot(final DataColumnSpec spec, final int inputIndex, final CellFactory factory, final int factoryIndex) {
            this.spec = spec;
            this.inputIndex = inputIndex;
            this.factory = factory;
            this.factoryIndex = factoryIndex;
        }
    }

    private final DataTableSpec m_original;

    private final List<Slot> m_slots = new ArrayList<>();

    public ColumnRearranger(final DataTableSpec original) {
        m_original = original;
        for (int i = 0; i < original.getNumColumns(); i++) {
            m_slots.add(new Slot(original.getColumnSpec(i), i, null, -1));
        }
    }

    DataTableSpec originalSpec() {
        return m_original;
    }

    List<Slot> slots() {
        return Collections.unmodifiableList(new ArrayList<>(m_slots));
    }

    private static List<Slot> slotsOf(final CellFactory factory) {
        final DataColumnSpec[] specs = factory.getColumnSpecs();
        final List<Slot> out = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            out.add(new Slot(specs[i], -1, factory, i));
        }
        return out;
    }

    public final void append(final CellFactory fac) {
        m_slots.addAll(slotsOf(fac));
    }

    public final void insertAt(final int position, final CellFactory fac) {
        m_slots.addAll(position, slotsOf(fac));
    }

    public final int getColumnCount() {
        return m_slots.size();
    }

    /** Index of the output column with this name, or -1. */
    public final int indexOf(final String colName) {
        for (int i = 0; i < m_slots.size(); i++) {
            if (m_slots.get(i).spec.getName().equals(colName)) {
                return i;
            }
        }
        return -1;
    }

    private int[] indicesOf(final String... colNames) {
        final int[] out = new int[colNames.length];
        for (int i = 0; i < colNames.length; i++) {
            out[i] = indexOf(colNames[i]);
            if (out[i] < 0) {
                throw new IllegalArgumentException("No column \"" + colNames[i] + "\" in the rearranger; columns: "
                    + Arrays.toString(createSpec().getColumnNames()));
            }
        }
        return out;
    }

    public final void remove(final int... colIndices) {
        final int[] sorted = colIndices.clone();
        Arrays.sort(sorted);
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (i < sorted.length - 1 && sorted[i] == sorted[i + 1]) {
                continue;
            }
            m_slots.remove(sorted[i]);
        }
    }

    public final void remove(final String... colNames) {
        remove(indicesOf(colNames));
    }

    /** Keeps the given columns, in their current order. */
    public final void keepOnly(final int... colIndices) {
        final boolean[] keep = new boolean[m_slots.size()];
        for (int i : colIndices) {
            keep[i] = true;
        }
        final List<Slot> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(m_slots.get(i));
            }
        }
        m_slots.clear();
        m_slots.addAll(kept);
    }

    public final void keepOnly(final String... colNames) {
        keepOnly(indicesOf(colNames));
    }

    /** Inserts the column at {@code from} before the column now at {@code to}, then removes it from {@code from}. */
    public final void move(final int from, final int to) {
        final Slot s = m_slots.get(from);
        m_slots.add(to, s);
        m_slots.remove(from < to ? from : from + 1);
    }

    public final void move(final String colName, final int to) {
        move(indicesOf(colName)[0], to);
    }

    /** Reorders all columns; {@code newOrder[i]} is the current index of the column that goes to position i. */
    public final void permute(final int[] newOrder) {
        if (newOrder.length != m_slots.size()) {
            throw new IllegalArgumentException("Permutation has " + newOrder.length + " entries, rearranger has "
                + m_slots.size() + " columns");
        }
        final List<Slot> out = new ArrayList<>();
        final boolean[] used = new boolean[newOrder.length];
        for (int i : newOrder) {
            if (used[i]) {
                throw new IllegalArgumentException("Permutation uses column index " + i + " twice");
            }
            used[i] = true;
            out.add(m_slots.get(i));
        }
        m_slots.clear();
        m_slots.addAll(out);
    }

    public final void permute(final String[] newOrder) {
        permute(indicesOf(newOrder));
    }

    /** Replaces the columns at the given indices by the factory's columns, one for one. */
    public final void replace(final CellFactory newCol, final int... colIndex) {
        final List<Slot> news = slotsOf(newCol);
        if (news.size() != colIndex.length) {
            throw new IllegalArgumentException("Cell factory creates " + news.size() + " columns but "
                + colIndex.length + " columns are to be replaced");
        }
        for (int i = 0; i < colIndex.length; i++) {
            m_slots.set(colIndex[i], news.get(i));
        }
    }

    public final void replace(final CellFactory fac, final String colName) {
        replace(fac, indicesOf(colName));
    }

    public final DataTableSpec createSpec() {
        return new DataTableSpec(m_original.getName(),
            m_slots.stream().map(s -> s.spec).toArray(DataColumnSpec[]::new));
    }

    /** The rearrangement as a row-by-row function on in port 0 and out port 0. */
    public final StreamableFunction createStreamableFunction() {
        return new RearrangerFunction(this, null, StreamableFunction.DEFAULT_INPORT_INDEX,
            StreamableFunction.DEFAULT_OUTPORT_INDEX);
    }

    public final StreamableFunction createStreamableFunction(final int inPortIdx, final int outPortIdx) {
        return new RearrangerFunction(this, null, inPortIdx, outPortIdx);
    }

    /** {@code emptyInternals} is what the function's saveInternals() returns (the factories may fill it). */
    public final StreamableFunction createStreamableFunction(final StreamableOperatorInternals emptyInternals) {
        return new RearrangerFunction(this, emptyInternals, StreamableFunction.DEFAULT_INPORT_INDEX,
            StreamableFunction.DEFAULT_OUTPORT_INDEX);
    }

    public final StreamableFunction createStreamableFunction(final StreamableOperatorInternals emptyInternals,
        final int inPortIdx, final int outPortIdx) {
        return new RearrangerFunction(this, emptyInternals, inPortIdx, outPortIdx);
    }
}
