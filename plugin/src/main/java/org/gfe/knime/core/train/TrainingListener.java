package org.gfe.knime.core.train;

/** Hears about each training batch and may stop training. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that never stops. */
    TrainingListener NONE = record -> true;

    /** Called after each batch's update; false stops training ({@link TrainingCancelledException}). */
    boolean onBatch(TrainingRecord record);

    /**
     * Called when a stage of training starts, with its planned size (early stopping may end it sooner): a plain run
     * has one stage, a run that chooses its epochs on validation rows has two.
     */
    default void onStage(TrainingStage stage, int epochs, int batchesPerEpoch) {
    }

    /** Called at the end of each epoch (and for epoch 0 when it is measured), e.g. to draw a learning curve. */
    default void onEpoch(EpochRecord record) {
    }

    /** Polled during a batch's encoding, so that a stop request needs not wait for the batch to end. */
    default boolean stopRequested() {
        return false;
    }

    /**
     * Polled after each batch: true ends training normally with the model trained so far ({@link
     * StopReason#STOPPED_BY_USER}; the best epoch is still kept when training keeps it), unlike a cancel.
     */
    default boolean stopAndKeepRequested() {
        return false;
    }
}
