package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gfe.knime.core.train.EpochRecord;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.core.train.TrainingStage;
import org.gfe.knime.node.learner.LearningCurve.Status;

/**
 * The Learner's training as its views see it: the epochs and batches of the run in progress (so a view draws the
 * curve while training runs), the finished curve afterwards, and the user's request to stop and keep the model.
 * Thread-safe: the training thread records, the views read and listen on the event dispatch thread, and a view's
 * button asks to stop.
 *
 * <p>Listeners hear about every change (each batch and epoch, the end of training, a reset); they run on the thread
 * that made the change and must hand drawing to the event dispatch thread themselves.
 */
final class TrainingMonitor {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<TrainingRecord> batches = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private Status status = Status.NOT_TRAINED;
    private int plannedEpochs;
    private int batchesPerEpoch;
    private String run = "";
    private LearningCurve ended = LearningCurve.NOT_TRAINED;
    private volatile boolean stopAndKeepRequested;

    /** A run starts (with the node's estimate of its size): forget the previous one. */
    void start(int plannedEpochs, int batchesPerEpoch) {
        synchronized (this) {
            batches.clear();
            epochs.clear();
            status = Status.TRAINING;
            this.plannedEpochs = plannedEpochs;
            this.batchesPerEpoch = batchesPerEpoch;
            run = "";
            ended = null;
            stopAndKeepRequested = false;
        }
        changed();
    }

    /**
     * A stage of the run (or one run of a stage, e.g. a fold) starts, with its planned size as the trainer sized it:
     * the live curve shows this run's epochs from now on.
     *
     * @param runLabel the run for people, e.g. "fold 2 of 5"; empty if the stage has one run
     */
    void stage(TrainingStage stage, String runLabel, int plannedEpochs, int batchesPerEpoch) {
        synchronized (this) {
            this.plannedEpochs = plannedEpochs;
            this.batchesPerEpoch = batchesPerEpoch;
            this.run = runLabel == null ? "" : runLabel;
            batches.clear();
            epochs.clear();
        }
        changed();
    }


    /** A batch of the running training ended. */
    void batch(TrainingRecord record) {
        synchronized (this) {
            batches.add(record);
        }
        changed();
    }

    /** An epoch of the running training ended. */
    void epoch(EpochRecord record) {
        synchronized (this) {
            epochs.add(record);
        }
        changed();
    }

    /** Training ended with this curve (finished, stopped by the user; or a curve read from the internals). */
    void end(LearningCurve curve) {
        synchronized (this) {
            status = curve.status();
            ended = curve;
            batches.clear();
            epochs.clear();
            stopAndKeepRequested = false;
        }
        changed();
    }

    /** Nothing to show (reset, or a failed or cancelled run). */
    void clear() {
        end(LearningCurve.NOT_TRAINED);
    }

    /** Asks the running training to stop after the current batch and keep its model; ignored when not training. */
    void requestStopAndKeep() {
        boolean accepted;
        synchronized (this) {
            accepted = status == Status.TRAINING && !stopAndKeepRequested;
            stopAndKeepRequested = accepted || stopAndKeepRequested;
        }
        if (accepted) {
            changed();
        }
    }

    /** Whether the user asked the running training to stop and keep its model. */
    boolean stopAndKeepRequested() {
        return stopAndKeepRequested;
    }

    /** Training batches per epoch of the current stage, as the trainer planned it (0 before it said). */
    synchronized int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** What a view shows now: the live curve while training runs, else the last run's curve. */
    LearningCurve curve() {
        synchronized (this) {
            if (status == Status.TRAINING) {
                return new LearningCurve(Status.TRAINING, plannedEpochs, batchesPerEpoch,
                        LearningCurve.points(epochs, batches, batchesPerEpoch, run), "", "");
            }
            return ended;
        }
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
