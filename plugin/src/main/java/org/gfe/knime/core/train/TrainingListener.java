package org.gfe.knime.core.train;

/** Hears about each training batch and may stop training. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that never stops. */
    TrainingListener NONE = record -> true;

    /** Called after each batch's update; false stops training ({@link TrainingCancelledException}). */
    boolean onBatch(TrainingRecord record);

    /**
     * Polled by {@link GfeTrainer} after each batch that {@link #onBatch} accepted: true ends training at that batch
     * and the trainer returns the model trained so far, with the history up to that batch. Unlike a refusal in
     * {@link #onBatch}, which cancels (no model), this keeps the model, e.g. when a user stops a run early.
     */
    default boolean finishRequested() {
        return false;
    }

    /** Polled during a batch's encoding, so that a stop request needs not wait for the batch to end. */
    default boolean stopRequested() {
        return false;
    }
}
