package org.gfe.knime.core.train;

/** Hears about each training batch and may stop training. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that never stops. */
    TrainingListener NONE = record -> true;

    /** Called after each batch's update; false stops training ({@link TrainingCancelledException}). */
    boolean onBatch(TrainingRecord record);

    /** Polled during a batch's encoding, so that a stop request needs not wait for the batch to end. */
    default boolean stopRequested() {
        return false;
    }
}
