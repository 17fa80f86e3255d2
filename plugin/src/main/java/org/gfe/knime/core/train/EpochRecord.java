package org.gfe.knime.core.train;

/**
 * One epoch's figures. Epoch 0 is the decoder before any update, measured when training keeps its best epoch (for a
 * linear + MLP decoder that is PCA's reconstruction).
 *
 * @param stage the part of the run
 * @param epoch 1-based epoch, 0 = before training
 * @param rowsSeen training rows processed up to the end of the epoch
 * @param trainingLoss mean of the epoch's batch losses (NaN for epoch 0)
 * @param validationLoss mean per-row loss of the encoded validation rows at the end of the epoch, NaN if none
 * @param elapsedSeconds wall time since training started
 */
public record EpochRecord(TrainingStage stage, int epoch, long rowsSeen, double trainingLoss, double validationLoss,
        double elapsedSeconds) {
}
