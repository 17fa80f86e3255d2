package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.train.BatchSchedule;
import org.gfe.knime.core.train.EpochRecord;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.core.train.TrainingStage;
import org.gfe.knime.node.exec.Cancellation;
import org.knime.core.node.ExecutionMonitor;

/**
 * Bridges the trainer to KNIME: progress after each batch with the stage and the loss in the message, and the
 * cancel button checked after each batch and while a batch encodes (so a cancel takes effect within one batch).
 * Stages, batches and epochs also go to the node's {@link TrainingMonitor}, whose views draw the curve as it grows and
 * whose "stop and keep" request ends training after the batch ({@link #stopAndKeepRequested()}).
 *
 * <p>A run may have several stages: a linear + MLP decoder chooses its epochs in k runs on validation rows (folds,
 * which the trainer runs at the same time but reports one after the other, or one split), then fits all rows (below
 * 500 rows). The progress bar gives each stage a share planned at the start (by the rows and epochs each will train:
 * the auto sizes resolved for its rows) and the final fit the rest, so it only moves forward: a stage that stops early
 * jumps to the next one's start, and the end of training is 1.
 */
final class TrainingProgress implements TrainingListener {

    /** One epoch as the trainer reported it, with the run it belongs to (1-based within the selection, else 0). */
    record LoggedEpoch(TrainingStage stage, int run, EpochRecord record) {
    }

    private final ExecutionMonitor exec;
    private final TrainingMonitor monitor;
    private final int selectionRuns;
    private final double[] plannedShares;
    private final long start = System.nanoTime();
    private final List<LoggedEpoch> epochs = new ArrayList<>();

    private volatile TrainingStage stage = TrainingStage.TRAINING;
    private volatile int run;
    private volatile int plannedEpochs;
    private volatile int batchesPerEpoch;
    private int stageIndex = -1;
    private double stageStart;
    private double stageShare;
    private double reported;
    private volatile TrainingStage stoppedByUserIn;

    /**
     * @param config the training configuration (auto values unresolved)
     * @param rows rows handed to the trainer (training and validation)
     * @param columns training columns
     * @param selectionRuns runs that choose the epochs before a final fit ({@code GfeTrainer.selectionRuns}); 0 for
     *        a plain run
     * @param refits whether a final fit on all rows follows them ({@code GfeTrainer.refitsAfterSelection})
     */
    TrainingProgress(ExecutionMonitor exec, TrainingConfig config, int rows, int columns, int selectionRuns,
            boolean refits, TrainingMonitor monitor) {
        this.exec = exec;
        this.monitor = monitor;
        this.selectionRuns = selectionRuns;
        this.plannedShares = plannedShares(config, rows, columns, selectionRuns, refits);
        int trainingRows = trainingRows(config, rows);
        TrainingConfig sized = config.resolve(Math.max(1, trainingRows), Math.max(1, columns));
        this.plannedEpochs = Math.max(1, sized.epochs());
        this.batchesPerEpoch = (trainingRows + sized.batchSize() - 1) / sized.batchSize();
    }

    /** Rows trained on when {@code rows} are handed to the trainer: the rest are validation rows. */
    static int trainingRows(TrainingConfig config, int rows) {
        if (config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP) {
            return rows; // it holds rows out itself to choose its epochs, then fits all of them
        }
        return Math.max(1, rows - BatchSchedule.validationCount(config, rows));
    }

    /**
     * The share of the progress bar of each selection run (by rows x epochs; a fold fits about (k - 1) / k of the
     * rows, one split about four fifths) and of the final fit if there is one (at most the epochs sized for all
     * rows), or {1} for a plain run.
     */
    private static double[] plannedShares(TrainingConfig config, int rows, int columns, int runs, boolean refits) {
        if (runs == 0) {
            return new double[] {1};
        }
        int fitted = Math.max(1, runs > 1 ? rows - rows / runs : rows * 4 / 5);
        double runWork = (double) fitted * config.resolve(fitted, Math.max(1, columns)).epochs();
        double finalWork = refits ? (double) rows * config.resolve(Math.max(1, rows), Math.max(1, columns)).epochs()
                : 0;
        double total = runs * runWork + finalWork;
        double[] shares = new double[refits ? runs + 1 : runs];
        for (int r = 0; r < runs; r++) {
            shares[r] = runWork / total;
        }
        if (refits) {
            shares[runs] = finalWork / total;
        }
        return shares;
    }

    /** The node's estimate of the first stage's size, before the trainer states it ({@link #onStage}). */
    int plannedEpochs() {
        return plannedEpochs;
    }

    int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Runs that chose the epochs before the final fit (0 for a plain run). */
    int selectionRuns() {
        return selectionRuns;
    }

    /** Every epoch the trainer reported, in order, with its run (1-based within the selection, else 0). */
    List<LoggedEpoch> epochs() {
        synchronized (epochs) {
            return List.copyOf(epochs);
        }
    }

    /** The stage in which the user's "stop and keep" ended training, or null. */
    TrainingStage stoppedByUserIn() {
        return stoppedByUserIn;
    }

    /** Seconds since training started. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void onStage(TrainingStage newStage, int epochCount, int batches) {
        double start;
        synchronized (this) {
            stage = newStage;
            run = newStage == TrainingStage.SELECTION ? run + 1 : 0;
            plannedEpochs = Math.max(1, epochCount);
            batchesPerEpoch = batches;
            stageIndex++;
            double plannedStart = 0;
            for (int i = 0; i < Math.min(stageIndex, plannedShares.length); i++) {
                plannedStart += plannedShares[i];
            }
            stageStart = Math.min(1, Math.max(reported, plannedStart));
            boolean last = newStage != TrainingStage.SELECTION || stageIndex >= plannedShares.length - 1;
            stageShare = last ? 1 - stageStart : Math.min(plannedShares[stageIndex], 1 - stageStart);
            start = stageStart;
        }
        report(start, stageText() + ": starting");
        monitor.stage(newStage, runLabel(newStage, run, selectionRuns), plannedEpochs, batches);
    }

    @Override
    public boolean onBatch(TrainingRecord record) {
        monitor.batch(record);
        double progress;
        synchronized (this) {
            double fraction = batchesPerEpoch > 0
                    ? (record.epoch() + (record.batch() + 1.0) / batchesPerEpoch) / plannedEpochs
                    : (record.epoch() + 1.0) / plannedEpochs;
            progress = stageStart + stageShare * Math.min(1, fraction);
        }
        report(progress, message(record));
        return !Cancellation.requested(exec);
    }

    @Override
    public void onEpoch(EpochRecord record) {
        synchronized (epochs) {
            epochs.add(new LoggedEpoch(record.stage(), record.stage() == TrainingStage.SELECTION ? run : 0, record));
        }
        monitor.epoch(record);
    }

    @Override
    public boolean stopAndKeepRequested() {
        boolean requested = monitor.stopAndKeepRequested();
        if (requested && stoppedByUserIn != stage) {
            stoppedByUserIn = stage;
        }
        return requested;
    }

    @Override
    public boolean stopRequested() {
        return Cancellation.requested(exec);
    }

    /** The whole run ended: the bar is full. */
    void finish(String message) {
        report(1, message);
    }

    /** Progress only moves forward (KNIME is told outside the lock: its listeners may take their time). */
    private void report(double progress, String message) {
        double value;
        synchronized (this) {
            reported = Math.max(reported, Math.min(1, progress));
            value = reported;
        }
        exec.setProgress(value, message);
    }

    /** E.g. "fold 2 of 5" for a selection run among several folds; empty otherwise. */
    static String runLabel(TrainingStage stage, int run, int runs) {
        return stage == TrainingStage.SELECTION && runs > 1 ? "fold " + run + " of " + runs : "";
    }

    /** E.g. "Choosing the epochs on validation rows, fold 2 of 5" or "Final fit on all rows"; "Training". */
    private String stageText() {
        String text = stage.text();
        String label = runLabel(stage, run, selectionRuns);
        text = label.isEmpty() ? text : text + ", " + label;
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String message(TrainingRecord record) {
        String prefix = stage == TrainingStage.TRAINING ? "" : stageText() + ": epoch";
        String text = stage == TrainingStage.TRAINING
                ? String.format(Locale.ROOT, "Epoch %d/%d, batch %d/%d: training loss %.5g", record.epoch() + 1,
                        plannedEpochs, record.batch() + 1, batchesPerEpoch, record.trainingLoss())
                : String.format(Locale.ROOT, "%s %d/%d, batch %d/%d: training loss %.5g", prefix, record.epoch() + 1,
                        plannedEpochs, record.batch() + 1, batchesPerEpoch, record.trainingLoss());
        return Double.isNaN(record.validationLoss()) ? text
                : text + String.format(Locale.ROOT, ", validation loss %.5g", record.validationLoss());
    }
}
