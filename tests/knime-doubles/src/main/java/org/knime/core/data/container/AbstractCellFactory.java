package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.RowKey;
import org.knime.core.node.ExecutionMonitor;

/**
 * Double of KNIME's AbstractCellFactory. With parallel processing on, the double (like KNIME) calls
 * {@code getCells} from several worker threads at once and keeps the row order.
 */
public abstract class AbstractCellFactory implements CellFactory {
    private final DataColumnSpec[] m_colSpecs;

    private boolean m_parallel;

    private int m_workers;

    private int m_queueSize;

    public AbstractCellFactory(final DataColumnSpec... colSpecs) {
        this(false, colSpecs);
    }

    public AbstractCellFactory(final boolean processConcurrently, final DataColumnSpec... colSpecs) {
        this(processConcurrently, defaultWorkers(), 10 * defaultWorkers(), colSpecs);
    }

    public AbstractCellFactory(final boolean processConcurrently, final int workerCount, final int maxQueueSize,
        final DataColumnSpec... colSpecs) {
        if (colSpecs == null) {
            throw new NullPointerException("Column specs of a cell factory must not be null");
        }
        m_colSpecs = colSpecs;
        setParallelProcessing(processConcurrently, workerCount, maxQueueSize);
    }

    private static int defaultWorkers() {
        return Math.max(1, (int)Math.ceil(1.5 * Runtime.getRuntime().availableProcessors()));
    }

    @Override
    public DataColumnSpec[] getColumnSpecs() {
        return m_colSpecs;
    }

    /** Called once after the last row. */
    public void afterProcessing() {
    }

    @Deprecated
    @Override
    public void setProgress(final int curRowNr, final int rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        setProgress((long)curRowNr, (long)rowCount, lastKey, exec);
    }

    @Override
    public void setProgress(final long curRowNr, final long rowCount, final RowKey lastKey,
        final ExecutionMonitor exec) {
        exec.setProgress(rowCount <= 0 ? 0 : curRowNr / (double)rowCount,
            () -> "Processed row " + curRowNr + "/" + rowCount + " (\"" + lastKey + "\")");
    }

    public final void setParallelProcessing(final boolean value) {
        setParallelProcessing(value, defaultWorkers(), 10 * defaultWorkers());
    }

    public final void setParallelProcessing(final boolean value, final int maxParallelWorkers,
        final int maxQueueSize) {
        if (value && (maxParallelWorkers < 1 || maxQueueSize < maxParallelWorkers)) {
            throw new IllegalArgumentException("Invalid parallel settings: " + maxParallelWorkers + " workers, queue "
                + maxQueueSize + " (need workers >= 1 and queue >= workers)");
        }
        m_parallel = value;
        m_workers = maxParallelWorkers;
        m_queueSize = maxQueueSize;
    }

    public final boolean isParallelProcessing() {
        return m_parallel;
    }

    public final int getMaxParallelWorkers() {
        return m_workers;
    }

    public final int getMaxQueueSize() {
        return m_queueSize;
    }
}
