package org.knime.core.data.container;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/**
 * Runs a {@link ColumnRearranger} over a table, as KNIME does: each factory is asked once per row (from worker
 * threads if it processes in parallel, row order kept), its cells are checked, progress is reported and
 * cancellation checked after every row, and {@link AbstractCellFactory#afterProcessing()} is called at the end.
 * Called reflectively by the ExecutionContext double (other package).
 */
final class RearrangeExecutor {
    private RearrangeExecutor() {
    }

    static DataTable run(final ColumnRearranger rearranger, final DataTable in, final long rowCount,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        final DataTableSpec inSpec = in.getDataTableSpec();
        if (!inSpec.equalStructure(rearranger.originalSpec())) {
            throw new IllegalArgumentException("The rearranger was created for " + rearranger.originalSpec()
                + " but the table has " + inSpec);
        }
        final List<ColumnRearranger.Slot> slots = rearranger.slots();
        final List<CellFactory> factories = new ArrayList<>();
        for (ColumnRearranger.Slot s : slots) {
            if (s.factory != null && !factories.contains(s.factory)) {
                factories.add(s.factory);
            }
        }
        final DataTableSpec outSpec = rearranger.createSpec();
        final DomainTracker[] domains = new DomainTracker[slots.size()];
        for (int i = 0; i < domains.length; i++) {
            if (slots.get(i).factory != null) {
                domains[i] = new DomainTracker(slots.get(i).spec, true, DataContainer.MAX_POSSIBLE_VALUES);
            }
        }
        final List<DataRow> out = new ArrayList<>();
        final ExecutorService pool = parallelPool(factories);
        try {
            final int chunk = chunkSize(factories);
            final List<DataRow> rows = new ArrayList<>(chunk);
            long index = 0;
            for (DataRow row : in) {
                rows.add(row);
                if (rows.size() == chunk) {
                    index = processChunk(rows, index, rowCount, factories, slots, outSpec, domains, pool, out, exec);
                    rows.clear();
                }
            }
            processChunk(rows, index, rowCount, factories, slots, outSpec, domains, pool, out, exec);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory) {
                ((AbstractCellFactory)f).afterProcessing();
            }
        }
        final DataColumnSpec[] cols = new DataColumnSpec[slots.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = domains[i] == null ? slots.get(i).spec : domains[i].createSpec();
        }
        return new InMemoryTable(new DataTableSpec(outSpec.getName(), cols), out);
    }

    private static ExecutorService parallelPool(final List<CellFactory> factories) {
        int workers = 0;
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory && ((AbstractCellFactory)f).isParallelProcessing()) {
                workers = Math.max(workers, ((AbstractCellFactory)f).getMaxParallelWorkers());
            }
        }
        final AtomicInteger threads = new AtomicInteger();
        return workers == 0 ? null : Executors.newFixedThreadPool(workers, r -> {
            final Thread t = new Thread(r, "KNIME-double-cell-factory-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static int chunkSize(final List<CellFactory> factories) {
        int size = 1;
        for (CellFactory f : factories) {
            if (f instanceof AbstractCellFactory && ((AbstractCellFactory)f).isParallelProcessing()) {
                size = Math.max(size, ((AbstractCellFactory)f).getMaxQueueSize());
            }
        }
        return size;
    }

    private static long processChunk(final List<DataRow> rows, final long firstIndex, final long rowCount,
        final List<CellFactory> factories, final List<ColumnRearranger.Slot> slots, final DataTableSpec outSpec,
        final DomainTracker[] domains, final ExecutorService pool, final List<DataRow> out,
        final ExecutionMonitor exec) throws CanceledExecutionException {
        if (rows.isEmpty()) {
            return firstIndex;
        }
        final Map<CellFactory, List<DataCell[]>> cells = new IdentityHashMap<>();
        for (CellFactory f : factories) {
            cells.put(f, compute(f, rows, firstIndex, pool, exec));
        }
        long index = firstIndex;
        for (int r = 0; r < rows.size(); r++) {
            final DataRow row = rows.get(r);
            final DataCell[] outCells = new DataCell[slots.size()];
            for (int c = 0; c < outCells.length; c++) {
                final ColumnRearranger.Slot s = slots.get(c);
                outCells[c] = s.factory == null ? row.getCell(s.inputIndex) : cells.get(s.factory).get(r)[s.factoryIndex];
                if (domains[c] != null) {
                    checkCell(outCells[c], outSpec.getColumnSpec(c), row, s.factory);
                    domains[c].add(outCells[c]);
                }
            }
            out.add(new DefaultRow(row.getKey(), outCells));
            index++;
            for (CellFactory f : factories) {
                f.setProgress(index, rowCount, row.getKey(), exec);
            }
            exec.checkCanceled();
        }
        return index;
    }

    private static List<DataCell[]> compute(final CellFactory f, final List<DataRow> rows, final long firstIndex,
        final ExecutorService pool, final ExecutionMonitor exec) throws CanceledExecutionException {
        final int width = f.getColumnSpecs().length;
        final List<DataCell[]> out = new ArrayList<>(rows.size());
        final boolean parallel = pool != null && f instanceof AbstractCellFactory
            && ((AbstractCellFactory)f).isParallelProcessing();
        if (!parallel) {
            for (int r = 0; r < rows.size(); r++) {
                out.add(checked(f, f.getCells(rows.get(r), firstIndex + r), width, rows.get(r)));
            }
            return out;
        }
        final List<Callable<DataCell[]>> tasks = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            final DataRow row = rows.get(r);
            final long index = firstIndex + r;
            tasks.add(() -> f.getCells(row, index));
        }
        try {
            final List<Future<DataCell[]>> futures = pool.invokeAll(tasks);
            for (int r = 0; r < futures.size(); r++) {
                out.add(checked(f, futures.get(r).get(), width, rows.get(r)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CanceledExecutionException("Interrupted while computing new cells");
        } catch (ExecutionException e) {
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException)cause;
            }
            if (cause instanceof Error) {
                throw (Error)cause;
            }
            throw new IllegalStateException(cause);
        }
        exec.checkCanceled();
        return out;
    }

    private static DataCell[] checked(final CellFactory f, final DataCell[] cells, final int width,
        final DataRow row) {
        if (cells == null || cells.length != width) {
            throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned "
                + (cells == null ? "null" : cells.length + " cells") + " for row \"" + row.getKey()
                + "\"; its column specs promise " + width);
        }
        return cells;
    }

    private static void checkCell(final DataCell cell, final DataColumnSpec col, final DataRow row,
        final CellFactory f) {
        if (cell == null) {
            throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned a null cell for column \""
                + col.getName() + "\" in row \"" + row.getKey() + "\"; use DataType.getMissingCell()");
        }
        if (!col.getType().isASuperTypeOf(cell.getType())) {
            throw new IllegalStateException("Cell factory " + f.getClass().getName() + " returned a " + cell.getType()
                + " cell for column \"" + col.getName() + "\" of type " + col.getType() + " in row \"" + row.getKey()
                + "\"");
        }
    }
}
