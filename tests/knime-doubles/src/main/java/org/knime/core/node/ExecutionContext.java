package org.knime.core.node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DefaultRow;

/**
 * Double of KNIME's ExecutionContext: creates in-memory tables, runs column rearrangers, reports progress and
 * answers cancellation through the {@link ExecutionMonitor} it extends.
 */
public class ExecutionContext extends ExecutionMonitor {
    ExecutionContext(final ProgressNode progress) {
        super(progress);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new ProgressNode.Sub(progressNode(), maxProg, false));
    }

    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new ProgressNode.Sub(progressNode(), maxProg, true));
    }

    /** A container that computes the domain of all columns (starting from the spec's). */
    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return createDataContainer(spec, true);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain) {
        return new BufferedDataContainer(spec, initDomain);
    }

    @Deprecated
    public BufferedDataContainer createDataContainer(final DataTableSpec spec, final boolean initDomain,
        final int maxCellsInMemory) {
        return createDataContainer(spec, initDomain);
    }

    public BufferedDataTable createBufferedDataTable(final DataTable table, final ExecutionMonitor subProgressMon)
        throws CanceledExecutionException {
        if (table instanceof BufferedDataTable) {
            return (BufferedDataTable)table;
        }
        final BufferedDataContainer c = createDataContainer(table.getDataTableSpec(), false);
        for (DataRow row : table) {
            subProgressMon.checkCanceled();
            c.addRowToTable(row);
        }
        c.close();
        return c.getTable();
    }

    public BufferedDataTable[] createBufferedDataTables(final DataTable[] tables, final ExecutionMonitor exec)
        throws CanceledExecutionException {
        final BufferedDataTable[] out = new BufferedDataTable[tables.length];
        for (int i = 0; i < tables.length; i++) {
            out[i] = createBufferedDataTable(tables[i], exec);
        }
        return out;
    }

    /** Runs the rearranger over every row of {@code in} (see the ColumnRearranger double). */
    public BufferedDataTable createColumnRearrangeTable(final BufferedDataTable in,
        final ColumnRearranger rearranger, final ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        try {
            final Method run = Class.forName("org.knime.core.data.container.RearrangeExecutor").getDeclaredMethod(
                "run", ColumnRearranger.class, DataTable.class, long.class, ExecutionMonitor.class);
            run.setAccessible(true);
            return BufferedDataTable.copyOf((DataTable)run.invoke(null, rearranger, in, in.size(), subProgressMon));
        } catch (InvocationTargetException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof CanceledExecutionException) {
                throw (CanceledExecutionException)cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException)cause;
            }
            if (cause instanceof Error) {
                throw (Error)cause;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("KNIME test double is incomplete: " + e, e);
        }
    }

    /** Same rows under a new spec; the number of columns must match and the new types must hold the cells. */
    public BufferedDataTable createSpecReplacerTable(final BufferedDataTable in, final DataTableSpec newSpec) {
        final DataTableSpec old = in.getDataTableSpec();
        if (old.getNumColumns() != newSpec.getNumColumns()) {
            throw new IllegalArgumentException("The new spec has " + newSpec.getNumColumns() + " columns, the table "
                + old.getNumColumns());
        }
        for (int i = 0; i < old.getNumColumns(); i++) {
            if (!newSpec.getColumnSpec(i).getType().isASuperTypeOf(old.getColumnSpec(i).getType())) {
                throw new IllegalArgumentException("Column \"" + newSpec.getColumnSpec(i).getName() + "\" of type "
                    + newSpec.getColumnSpec(i).getType() + " cannot hold the cells of type "
                    + old.getColumnSpec(i).getType());
            }
        }
        return new BufferedDataTable(newSpec, in.rows());
    }

    public BufferedDataTable createVoidTable(final DataTableSpec spec) {
        return new BufferedDataTable(spec, List.of());
    }

    public BufferedDataTable createWrappedTable(final BufferedDataTable in) {
        return new BufferedDataTable(in.getDataTableSpec(), in.rows());
    }

    /** Marks the table as discarded; reading it afterwards fails. */
    public void clearTable(final BufferedDataTable table) {
        table.clear();
    }

    /** Columns side by side; both tables must have the same row keys in the same order. */
    public BufferedDataTable createJoinedTable(final BufferedDataTable left, final BufferedDataTable right,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        final DataTableSpec spec = new DataTableSpec(left.getDataTableSpec(), right.getDataTableSpec());
        final List<DataRow> l = left.rows();
        final List<DataRow> r = right.rows();
        if (l.size() != r.size()) {
            throw new IllegalArgumentException("Cannot join tables with " + l.size() + " and " + r.size() + " rows");
        }
        final List<DataRow> rows = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            exec.checkCanceled();
            if (!l.get(i).getKey().equals(r.get(i).getKey())) {
                throw new IllegalArgumentException("Row keys differ at row " + i + ": \"" + l.get(i).getKey()
                    + "\" vs \"" + r.get(i).getKey() + "\"");
            }
            final List<DataCell> cells = new ArrayList<>();
            l.get(i).forEach(cells::add);
            r.get(i).forEach(cells::add);
            rows.add(new DefaultRow(l.get(i).getKey(), cells));
        }
        return new BufferedDataTable(spec, rows);
    }

    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        return createConcatenateTable(exec, Optional.empty(), false, tables);
    }

    /**
     * Rows of all tables, one after the other, over the union of the columns (missing cells where a table lacks
     * a column). Duplicate row keys get {@code rowKeySuffix} appended, or fail if there is none.
     */
    public BufferedDataTable createConcatenateTable(final ExecutionMonitor exec,
        final Optional<String> rowKeySuffix, final boolean duplicatesPreCheck, final BufferedDataTable... tables)
        throws CanceledExecutionException {
        final List<String> names = new ArrayList<>();
        final List<DataType> types = new ArrayList<>();
        for (BufferedDataTable t : tables) {
            for (DataColumnSpec c : t.getDataTableSpec()) {
                final int i = names.indexOf(c.getName());
                if (i < 0) {
                    names.add(c.getName());
                    types.add(c.getType());
                } else {
                    types.set(i, DataType.getCommonSuperType(types.get(i), c.getType()));
                }
            }
        }
        final DataColumnSpec[] cols = new DataColumnSpec[names.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = new DataColumnSpecCreator(names.get(i), types.get(i)).createSpec();
        }
        final DataTableSpec spec = new DataTableSpec(tables.length == 0 ? "default"
            : tables[0].getDataTableSpec().getName(), cols);
        final BufferedDataContainer out = createDataContainer(spec);
        final Set<String> keys = new HashSet<>();
        for (BufferedDataTable t : tables) {
            final DataTableSpec ts = t.getDataTableSpec();
            for (DataRow row : t.rows()) {
                exec.checkCanceled();
                String key = row.getKey().getString();
                while (!keys.add(key)) {
                    if (rowKeySuffix.isEmpty()) {
                        throw new IllegalArgumentException("Duplicate row key \"" + key + "\" while concatenating; "
                            + "give a row key suffix");
                    }
                    key = key + rowKeySuffix.get();
                }
                final DataCell[] cells = new DataCell[cols.length];
                for (int i = 0; i < cols.length; i++) {
                    final int src = ts.findColumnIndex(names.get(i));
                    cells[i] = src < 0 ? DataType.getMissingCell() : row.getCell(src);
                }
                out.addRowToTable(new DefaultRow(new RowKey(key), cells));
            }
        }
        out.close();
        return out.getTable();
    }
}
