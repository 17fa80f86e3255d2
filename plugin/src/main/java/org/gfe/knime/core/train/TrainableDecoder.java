package org.gfe.knime.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.objective.ParameterisedObjective;

/**
 * What the training loop needs of a decoder under training: objectives for batches of (normalised) rows, and an
 * optimiser step. Implementations wrap the decoder, its loss and RMSprop.
 */
public interface TrainableDecoder {

    int latentDimension();

    int columnCount();

    /** Precision of the decoder's arrays. */
    DataType precision();

    /** The objective of these rows (NaN = missing cell), its arrays in {@code manager}. */
    ParameterisedObjective objective(NDManager manager, double[][] rows);

    /** One optimiser step with the gradient of the batch sum, in the objective's parameter order. */
    void update(NDList gradient);
}
