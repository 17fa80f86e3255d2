package org.gfe.knime.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.gfe.knime.core.encode.InitialCodes;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.objective.ParameterisedObjective;

/**
 * What the training loop needs of a decoder under training: objectives for batches of (normalised) rows, where
 * their flows start, an optimiser step, and copies of the trained parameters to keep the best epoch. Implementations
 * wrap the decoder, its loss and RMSprop.
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

    /**
     * Where the flow starts for these (normalised) rows: by default {@link InitialCodes}, seeded by the identities.
     *
     * @throws IllegalArgumentException if the settings' initial state does not suit this decoder
     */
    default double[][] startingCodes(SolverSettings settings, double[][] rows, long[] rowIdentities) {
        return InitialCodes.of(settings, rowIdentities, latentDimension());
    }

    /** Copies of the trained parameters' values, for {@link #restore}. */
    List<double[]> snapshot();

    /** Sets the trained parameters to values from {@link #snapshot()}. */
    void restore(List<double[]> values);
}
