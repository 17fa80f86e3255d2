package org.gfe.knime.node.learner;

import java.util.Locale;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.node.exec.Cancellation;
import org.knime.core.node.ExecutionMonitor;

/**
 * Bridges the trainer to KNIME: progress after each batch, with the loss in the message, and the cancel button
 * checked after each batch and while a batch encodes (so a cancel takes effect within one batch). Each batch also
 * goes to the node's {@link TrainingMonitor}, whose views draw the curve as it grows and whose "stop and keep"
 * request ends training after the batch ({@link #finishRequested()}).
 */
final class TrainingProgress implements TrainingListener {

    private final ExecutionMonitor exec;
    private final TrainingMonitor monitor;
    private final int epochs;
    private final int batchesPerEpoch;
    private final double totalRows;

    /** @param rows rows handed to the trainer (training and validation) */
    TrainingProgress(ExecutionMonitor exec, TrainingConfig config, int rows, TrainingMonitor monitor) {
        this.exec = exec;
        this.monitor = monitor;
        this.epochs = config.epochs();
        int trainingRows = trainingRows(config, rows);
        this.batchesPerEpoch = (trainingRows + config.batchSize() - 1) / config.batchSize();
        this.totalRows = (double) trainingRows * epochs;
    }

    /** Rows trained on when {@code rows} are handed to the trainer: the rest are validation rows. */
    static int trainingRows(TrainingConfig config, int rows) {
        int validationRows = config.validationFraction() > 0
                ? Math.max(1, (int) Math.round(config.validationFraction() * rows)) : 0;
        return Math.max(1, rows - validationRows);
    }

    int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public boolean onBatch(TrainingRecord record) {
        monitor.record(record);
        exec.setProgress(Math.min(1, record.rowsSeen() / totalRows), () -> message(record));
        return !Cancellation.requested(exec);
    }

    @Override
    public boolean finishRequested() {
        return monitor.finishRequested();
    }

    @Override
    public boolean stopRequested() {
        return Cancellation.requested(exec);
    }

    private String message(TrainingRecord record) {
        String text = String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d: training loss %.5g", record.epoch() + 1,
                epochs, record.batch() + 1, batchesPerEpoch, record.trainingLoss());
        return Double.isNaN(record.validationLoss()) ? text
                : text + String.format(Locale.ROOT, ", validation loss %.5g", record.validationLoss());
    }
}
