package org.gfe.knime.core.train;

import java.util.List;

/**
 * What a run of the training loop recorded.
 *
 * @param batches one record per training batch, in order
 * @param epochs one record per epoch (epoch 0 first when it was measured)
 * @param stopReason why training ended
 * @param bestEpoch the epoch whose decoder was kept (lowest validation loss), or the last epoch run when training
 *        does not keep its best epoch; 0 means the decoder as it was before training
 * @param validationRowLosses for each record of {@code epochs}, each validation row's loss (in validation order;
 *        empty when that epoch was not validated), for tests on the rows rather than their mean
 */
public record TrainingHistory(List<TrainingRecord> batches, List<EpochRecord> epochs, StopReason stopReason,
        int bestEpoch, List<double[]> validationRowLosses) {

    public TrainingHistory {
        batches = List.copyOf(batches);
        epochs = List.copyOf(epochs);
        validationRowLosses = List.copyOf(validationRowLosses);
    }
}
