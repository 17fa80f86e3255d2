package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.ReconstructionLoss;
import org.gfe.knime.core.objective.TargetBatch;
import org.gfe.knime.core.optim.RmsProp;

/**
 * The AE baseline's two networks (spec section 5): an encoder MLP and the decoder, with their loss. One training step
 * back-propagates explicitly through both (decoder backward, then encoder backward with the decoder's input gradient).
 * Used by {@link AutoencoderTrainer} and by the benchmarks, which validate between steps.
 */
public record AutoencoderNetworks(MlpDecoder encoder, MlpDecoder decoder, ReconstructionLoss loss) {

    /** Precision of both networks. */
    private static final DataType PRECISION = GfeTrainer.PRECISION;

    /** Rows evaluated per native scope when validating. */
    private static final int CHUNK = 1024;

    public int columns() {
        return decoder.spec().outputDimension();
    }

    /** One RMSprop step of both networks on the batch's summed loss; returns the mean per-row loss before it. */
    public double step(double[][] rows, RmsProp decoderOptimiser, RmsProp encoderOptimiser, int epoch, int batch) {
        try (NDManager manager = DjlRuntime.newManager()) {
            TargetBatch targets = TargetBatch.of(manager, rows, columns(), PRECISION);
            NDArray x = targets.targets();
            NDArray z = encoder.forward(x);
            NDArray u = decoder.forward(z);
            double meanLoss = loss.rowLosses(u, x, targets.mask()).mean().toType(DataType.FLOAT64, false)
                    .getDouble();
            if (!Double.isFinite(meanLoss)) {
                throw diverged("The autoencoder's training loss became " + meanLoss, epoch, batch);
            }
            var decoderBackward = decoder.backward(z, loss.outputGradient(u, x, targets.mask()));
            var encoderBackward = encoder.backward(x, decoderBackward.inputGradient());
            requireFinite(decoderBackward.parameterGradients(), epoch, batch);
            requireFinite(encoderBackward.parameterGradients(), epoch, batch);
            decoderOptimiser.step(decoder.parameters(), decoderBackward.parameterGradients());
            encoderOptimiser.step(encoder.parameters(), encoderBackward.parameterGradients());
            return meanLoss;
        }
    }

    /** Mean per-row loss of the rows reconstructed through encoder and decoder. */
    public double meanLoss(double[][] rows) {
        double total = 0;
        for (int from = 0; from < rows.length; from += CHUNK) {
            int to = Math.min(rows.length, from + CHUNK);
            try (NDManager manager = DjlRuntime.newManager()) {
                TargetBatch targets = TargetBatch.of(manager, Arrays.copyOfRange(rows, from, to),
                        columns(), PRECISION);
                NDArray u = decoder.forward(encoder.forward(targets.targets()));
                total += loss.rowLosses(u, targets.targets(), targets.mask()).sum()
                        .toType(DataType.FLOAT64, false).getDouble();
            }
        }
        return total / rows.length;
    }

    private static void requireFinite(NDList gradients, int epoch, int batch) {
        for (NDArray part : gradients) {
            if (part.isNaN().any().getBoolean() || part.isInfinite().any().getBoolean()) {
                throw diverged("The autoencoder's gradient became NaN or infinite", epoch, batch);
            }
        }
    }

    private static TrainingDivergedException diverged(String what, int epoch, int batch) {
        return new TrainingDivergedException(what + " in epoch " + (epoch + 1) + ", batch " + (batch + 1)
                + ": training diverged. Lower the learning rate, or check the normalisation and the loss for"
                + " this data.");
    }
}
