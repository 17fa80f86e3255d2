package org.gfe.knime.node.learner;

import java.util.Locale;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.node.exec.Cancellation;
import org.knime.core.node.ExecutionMonitor;

/**
 * Bridges the trainer to KNIME: progress after each batch, with the loss in the message, and the cancel button
 * checked after each batch and while a batch encodes (so a cancel takes effect within one batch).
 */
final class TrainingProgress implements TrainingListener {

    private final ExecutionMonitor exec;
    private final int epochs;
    private final int batchesPerEpoch;
    private final double totalRows;

    /** @param rows rows handed to the trainer (training and validation) */
    TrainingProgress(ExecutionMonitor exec, TrainingConfig config, int rows) {
        this.exec = exec;
        this.epochs = config.epochs();
        int validationRows = config.validationFraction() > 0
                ? Math.max(1, (int) Math.round(config.validationFraction() * rows)) : 0;
        int trainingRows = Math.max(1, rows - validationRows);
        this.batchesPerEpoch = (trainingRows + config.batchSize() - 1) / config.batchSize();
        this.totalRows = (double) trainingRows * epochs;
    }

    @Override
    public boolean onBatch(TrainingRecord record) {
        exec.setProgress(Math.min(1, record.rowsSeen() / totalRows), () -> message(record));
        return !Cancellation.requested(exec);
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
