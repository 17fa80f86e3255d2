package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.AbstractCellFactory;
import org.knime.core.data.container.CellFactory;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;

/**
 * Where a node's new cells go in its output table: the first {@code k} new columns replace input columns (in
 * ascending order of their input index), the rest are appended; every other input column passes through. One layout
 * serves both execution paths, so they give the same table: {@link #rearranger} for the non-streamed execute (one
 * cell factory, called once per row, KNIME keeps the passed-through columns by reference) and {@link #row} for rows
 * pushed to a stream.
 */
public final class OutputLayout {

    private final DataTableSpec input;
    private final int[] replaced;
    private final DataColumnSpec[] columns;

    private OutputLayout(DataTableSpec input, int[] replaced, DataColumnSpec[] columns) {
        this.input = input;
        this.replaced = replaced.clone();
        this.columns = columns.clone();
        if (columns.length < replaced.length) {
            throw new IllegalArgumentException(replaced.length + " replaced columns but only " + columns.length
                    + " new columns.");
        }
        for (int j = 0; j < replaced.length; j++) {
            if (replaced[j] < 0 || replaced[j] >= input.getNumColumns() || j > 0 && replaced[j] <= replaced[j - 1]) {
                throw new IllegalArgumentException("Replaced column indices must be ascending input indices, got "
                        + java.util.Arrays.toString(replaced) + ".");
            }
        }
    }

    /** The input columns, then the appended ones. */
    public static OutputLayout appending(DataTableSpec input, DataColumnSpec... appended) {
        return new OutputLayout(input, new int[0], appended);
    }

    /**
     * @param replaced ascending indices of the input columns the first {@code replaced.length} new columns replace
     * @param columns the new columns: the replacing ones (in the order of {@code replaced}), then the appended ones
     */
    public static OutputLayout replacingAndAppending(DataTableSpec input, int[] replaced, DataColumnSpec... columns) {
        return new OutputLayout(input, replaced, columns);
    }

    /** The new columns (replacing, then appended), in the order of a {@link ChunkCells} row's cells. */
    public DataColumnSpec[] newColumns() {
        return columns.clone();
    }

    /** The output table's spec. */
    public DataTableSpec outputSpec() {
        return rearranger(new Describing(columns)).createSpec();
    }

    /** A rearranger that puts {@code factory}'s cells (one per new column, in order) where this layout says. */
    public ColumnRearranger rearranger(CellFactory factory) {
        ColumnRearranger rearranger = new ColumnRearranger(input);
        rearranger.append(factory);
        if (replaced.length > 0) {
            // the replacing cells were appended with the rest; drop the old columns, move the new ones into place
            rearranger.remove(replaced);
            int firstNew = input.getNumColumns() - replaced.length;
            for (int j = 0; j < replaced.length; j++) {
                rearranger.move(firstNew + j, replaced[j]);
            }
        }
        return rearranger;
    }

    /** The output row for an input row and its new cells (as {@link #rearranger} would make it). */
    public DataRow row(DataRow in, DataCell[] cells) {
        if (cells.length != columns.length) {
            throw new IllegalStateException("Row '" + in.getKey() + "' got " + cells.length + " new cells, the layout"
                    + " has " + columns.length + " new columns.");
        }
        int width = input.getNumColumns();
        List<DataCell> out = new ArrayList<>(width + columns.length - replaced.length);
        for (int i = 0; i < width; i++) {
            out.add(in.getCell(i));
        }
        for (int j = 0; j < replaced.length; j++) {
            out.set(replaced[j], cells[j]);
        }
        for (int j = replaced.length; j < cells.length; j++) {
            out.add(cells[j]);
        }
        return new DefaultRow(in.getKey(), out);
    }

    /** A factory that only describes the new columns (for the output spec at configure). */
    private static final class Describing extends AbstractCellFactory {
        Describing(DataColumnSpec[] columns) {
            super(columns);
        }

        @Override
        public DataCell[] getCells(DataRow row) {
            throw new IllegalStateException("This cell factory only describes columns.");
        }
    }
}
