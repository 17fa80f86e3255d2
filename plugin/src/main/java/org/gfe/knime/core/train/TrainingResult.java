package org.gfe.knime.core.train;

import java.util.List;
import org.gfe.knime.core.model.GfeModel;

/**
 * What a GFE training run gives: the model (the caller owns it and closes it) and one record per batch.
 *
 * @param model the trained model
 * @param history one record per training batch, in order
 */
public record TrainingResult(GfeModel model, List<TrainingRecord> history) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
