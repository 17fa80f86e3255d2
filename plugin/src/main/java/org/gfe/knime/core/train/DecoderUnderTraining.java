package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.decoder.LinearPlusMlpDecoder;
import org.gfe.knime.core.encode.InitialState;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;
import org.gfe.knime.core.objective.ParameterisedObjective;
import org.gfe.knime.core.ode.BatchArrays;
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

    /** For LINEAR_PROJECTION, the rows' least-squares codes under a linear + MLP decoder's linear part. */
    @Override
    public double[][] startingCodes(SolverSettings settings, double[][] rows, long[] rowIdentities) {
        if (settings.initialState() == InitialState.LINEAR_PROJECTION
                && decoder instanceof LinearPlusMlpDecoder linear) {
            return linear.linearCodes(rows);
        }
        return TrainableDecoder.super.startingCodes(settings, rows, rowIdentities);
    }

    @Override
    public List<double[]> snapshot() {
        List<double[]> values = new ArrayList<>();
        for (NDArray parameter : decoder.parameters()) {
            values.add(BatchArrays.toVector(parameter));
        }
        return values;
    }

    @Override
    public void restore(List<double[]> values) {
        NDList parameters = decoder.parameters();
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("A snapshot of " + values.size() + " arrays cannot restore "
                    + parameters.size() + " parameters.");
        }
        for (int i = 0; i < values.size(); i++) {
            NDArray parameter = parameters.get(i);
            if (parameter.getDataType() == DataType.FLOAT64) {
                parameter.set(values.get(i));
            } else {
                double[] wide = values.get(i);
                float[] single = new float[wide.length];
                for (int j = 0; j < wide.length; j++) {
                    single[j] = (float) wide[j];
                }
                parameter.set(single);
            }
        }
    }

    @Override
    public void close() {
        optimiser.close();
    }
}
