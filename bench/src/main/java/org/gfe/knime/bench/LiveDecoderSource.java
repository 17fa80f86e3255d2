package org.gfe.knime.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.ObjectiveSource;
import org.gfe.knime.core.flow.LatentObjective;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.DecoderObjective;

/** Encodes with a decoder that is still training (rows already in the decoder's units: no normalisation). */
record LiveDecoderSource(MlpDecoder decoder, ReconstructionLoss loss) implements ObjectiveSource {

    @Override
    public int columnCount() {
        return decoder.outputDimension();
    }

    @Override
    public int latentDimension() {
        return decoder.inputDimension();
    }

    @Override
    public DataType precision() {
        return decoder.precision();
    }

    @Override
    public LatentObjective objective(NDManager manager, double[][] rows) {
        return DecoderObjective.of(decoder, loss, manager, rows);
    }
}
