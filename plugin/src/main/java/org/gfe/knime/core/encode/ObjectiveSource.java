package org.gfe.knime.core.encode;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.flow.LatentObjective;

/**
 * What the encoder needs of a trained model: for a batch of rows in original units (NaN = missing cell), the
 * objective whose flow encodes them (normalisation applied, missing cells masked out of the loss). Must be safe to
 * call from several threads at once, each with its own manager.
 */
public interface ObjectiveSource {

    /** Columns a row must have. */
    int columnCount();

    /** Dimension of the latent codes. */
    int latentDimension();

    /** Precision the objective computes in (the type of the codes handed to it). */
    DataType precision();

    /** The objective for these rows, its arrays in {@code manager}. */
    LatentObjective objective(NDManager manager, double[][] rows);

    /**
     * Where the flow starts for these rows (original units, NaN = missing): by default {@link InitialCodes}, seeded by
     * the row identities.
     *
     * @throws IllegalArgumentException if the settings' initial state does not suit this source
     */
    default double[][] startingCodes(SolverSettings settings, double[][] rows, long[] rowIdentities) {
        return InitialCodes.of(settings, rowIdentities, latentDimension());
    }
}
