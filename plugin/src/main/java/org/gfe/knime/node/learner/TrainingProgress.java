package org.gfe.knime.node.learner;

import java.util.Locale;
import org.gfe.knime.core.train.EpochRecord;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.core.train.TrainingStage;
import org.gfe.knime.node.exec.Cancellation;
import org.knime.core.node.ExecutionMonitor;

/**
 * Bridges the trainer to KNIME: progress after each batch, with the loss in the message, and the cancel button
 * checked after each batch and while a batch encodes (so a cancel takes effect within one batch). Stages, batches
 * and epochs also go to the node's {@link TrainingMonitor}, whose views draw the curve as it grows and whose "stop
 * and keep" request ends training after the batch ({@link #stopAndKeepRequested()}).
 */
final class TrainingProgress implements TrainingListener {

    private final ExecutionMonitor exec;
    private final TrainingMonitor monitor;
    private final int trainingRows;
    private volatile int epochs;
    private volatile int batchesPerEpoch;

    /** @param rows rows handed to the trainer (training and validation) */
    TrainingProgress(ExecutionMonitor exec, TrainingConfig config, int rows, TrainingMonitor monitor) {
        this.exec = exec;
        this.monitor = monitor;
        this.epochs = Math.max(1, config.epochs());
        this.trainingRows = trainingRows(config, rows);
        this.batchesPerEpoch = config.batchSize() > 0 ? (trainingRows + config.batchSize() - 1) / config.batchSize()
                : 0;
    }

    /** Rows trained on when {@code rows} are handed to the trainer: the rest are validation rows. */
    static int trainingRows(TrainingConfig config, int rows) {
        int validationRows = config.validationFraction() > 0
                ? Math.max(1, (int) Math.round(config.validationFraction() * rows)) : 0;
        return Math.max(1, rows - validationRows);
    }

    /** The node's estimate of the run's size, before the trainer states it ({@link #onStage}). */
    int plannedEpochs() {
        return epochs;
    }

    int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    @Override
    public void onStage(TrainingStage stage, int plannedEpochs, int batches) {
        epochs = Math.max(1, plannedEpochs);
        batchesPerEpoch = batches;
        monitor.stage(plannedEpochs, batches);
    }

    @Override
    public boolean onBatch(TrainingRecord record) {
        monitor.batch(record);
        double stageRows = (double) trainingRows * epochs;
        exec.setProgress(Math.min(1, record.rowsSeen() / stageRows), () -> message(record));
        return !Cancellation.requested(exec);
    }

    @Override
    public void onEpoch(EpochRecord record) {
        monitor.epoch(record);
    }

    @Override
    public boolean stopAndKeepRequested() {
        return monitor.stopAndKeepRequested();
    }

    @Override
    public boolean stopRequested() {
        return Cancellation.requested(exec);
    }

    private String message(TrainingRecord record) {
        String stage = record.stage() == TrainingStage.TRAINING ? "" : record.stage().text() + ": ";
        String text = String.format(Locale.ROOT, "%sEpoch %d/%d, batch %d/%d: training loss %.5g", stage,
                record.epoch() + 1, epochs, record.batch() + 1, batchesPerEpoch, record.trainingLoss());
        return Double.isNaN(record.validationLoss()) ? text
                : text + String.format(Locale.ROOT, ", validation loss %.5g", record.validationLoss());
    }
}
