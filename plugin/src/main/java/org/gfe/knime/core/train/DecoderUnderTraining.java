package org.gfe.knime.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.objective.ParameterisedObjective;
import org.gfe.knime.core.optim.RmsProp;

/**
 * A decoder (MLP or convolutional) being trained: batch objectives with its loss, and RMSprop steps on its parameters
 * in place. {@link #close()} frees the optimiser's state only; the decoder stays open and belongs to the caller (it
 * becomes part of the trained model).
 */
public final class DecoderUnderTraining implements TrainableDecoder, AutoCloseable {

    private final Decoder decoder;
    private final ReconstructionLoss loss;
    private final RmsProp optimiser;

    public DecoderUnderTraining(Decoder decoder, ReconstructionLoss loss, RmsProp optimiser) {
        if (decoder == null || loss == null || optimiser == null) {
            throw new IllegalArgumentException("A decoder under training needs a decoder, a loss and an optimiser.");
        }
        this.decoder = decoder;
        this.loss = loss;
        this.optimiser = optimiser;
    }

    public Decoder decoder() {
        return decoder;
    }

    public ReconstructionLoss loss() {
        return loss;
    }

    @Override
    public int latentDimension() {
        return decoder.inputDimension();
    }

    @Override
    public int columnCount() {
        return decoder.outputDimension();
    }

    @Override
    public DataType precision() {
        return decoder.precision();
    }

    /** Targets with NaN replaced by 0 and a mask of the present cells (null when none is missing). */
    @Override
    public ParameterisedObjective objective(NDManager manager, double[][] rows) {
        return DecoderObjective.of(decoder, loss, manager, rows);
    }

    @Override
    public void update(NDList gradient) {
        optimiser.step(decoder.parameters(), gradient);
    }

    @Override
    public void close() {
        optimiser.close();
    }
}
