package org.gfe.knime.core.train;

/**
 * One training batch's figures.
 *
 * @param stage the part of the run
 * @param epoch 0-based epoch
 * @param batch 0-based batch within the epoch
 * @param rowsSeen training rows processed so far, this batch included
 * @param trainingLoss mean per-row loss of the batch at its codes, before the update
 * @param validationLoss mean per-row loss of the encoded validation rows after the update, NaN if not measured
 * @param elapsedSeconds wall time since training started
 */
public record TrainingRecord(TrainingStage stage, int epoch, int batch, long rowsSeen, double trainingLoss, double validationLoss,
        double elapsedSeconds) {
}
