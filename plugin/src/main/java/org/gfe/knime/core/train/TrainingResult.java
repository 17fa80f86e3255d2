package org.gfe.knime.core.train;

import java.util.List;
import org.gfe.knime.core.model.GfeModel;

/**
 * What a GFE training run gives: the model (the caller owns it and closes it), the history, and the configuration
 * the run used with every "auto" value resolved for the data.
 *
 * @param model the trained model
 * @param history one record per training batch, in order
 * @param epochs one record per epoch (epoch 0, the untrained decoder, first when it was measured)
 * @param stopReason why training ended
 * @param bestEpoch the epoch whose decoder the model holds (0 = as initialised, e.g. PCA for a linear + MLP decoder)
 * @param config the configuration the run used, auto values resolved
 * @param notes what the trainer decided for the data, for people (e.g. which epoch it kept and why); may be empty
 */
public record TrainingResult(GfeModel model, List<TrainingRecord> history, List<EpochRecord> epochs,
        StopReason stopReason, int bestEpoch, TrainingConfig config, List<String> notes) {

    public TrainingResult {
        history = List.copyOf(history);
        epochs = List.copyOf(epochs);
        notes = List.copyOf(notes);
    }
}
