package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gfe.knime.core.train.TrainingRecord;
import org.gfe.knime.node.learner.LearningCurve.Status;

/**
 * The Learner's training as its views see it: the batches of the run in progress (so a view draws the curve while
 * training runs), the finished curve afterwards, and the user's request to stop and keep the model. Thread-safe:
 * the training thread records batches, the views read and listen on the event dispatch thread, and a view's button
 * asks to stop.
 *
 * <p>Listeners hear about every change (each batch, the end of training, a reset); they run on the thread that made
 * the change and must hand drawing to the event dispatch thread themselves.
 */
final class TrainingMonitor {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<TrainingRecord> records = new ArrayList<>();
    private Status status = Status.NOT_TRAINED;
    private int plannedEpochs;
    private int batchesPerEpoch;
    private LearningCurve ended = LearningCurve.NOT_TRAINED;
    private volatile boolean finishRequested;

    /** A run starts: forget the previous one. */
    void start(int epochs, int batches) {
        synchronized (this) {
            records.clear();
            status = Status.TRAINING;
            plannedEpochs = epochs;
            batchesPerEpoch = batches;
            ended = null;
            finishRequested = false;
        }
        changed();
    }

    /** A batch of the running training ended. */
    void record(TrainingRecord record) {
        synchronized (this) {
            records.add(record);
        }
        changed();
    }

    /** Training ended with this curve (finished, stopped by the user; or a curve read from the internals). */
    void end(LearningCurve curve) {
        synchronized (this) {
            status = curve.status();
            ended = curve;
            records.clear();
            finishRequested = false;
        }
        changed();
    }

    /** Nothing to show (reset, or a failed or cancelled run). */
    void clear() {
        end(LearningCurve.NOT_TRAINED);
    }

    /** Asks the running training to stop after the current batch and keep its model; ignored when not training. */
    void requestFinish() {
        boolean accepted;
        synchronized (this) {
            accepted = status == Status.TRAINING && !finishRequested;
            finishRequested = accepted || finishRequested;
        }
        if (accepted) {
            changed();
        }
    }

    /** Whether the user asked the running training to stop and keep its model. */
    boolean finishRequested() {
        return finishRequested;
    }

    /** The batches recorded so far in the running training (empty when none runs). */
    synchronized List<TrainingRecord> records() {
        return List.copyOf(records);
    }

    /** What a view shows now: the live curve while training runs, else the last run's curve. */
    LearningCurve curve() {
        synchronized (this) {
            if (status == Status.TRAINING) {
                return LearningCurve.of(Status.TRAINING, records, plannedEpochs, batchesPerEpoch, "", "");
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
