package org.gfe.knime.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.decoder.Decoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.ode.BatchArrays;
import org.gfe.knime.core.loss.LossKind;

/**
 * Decodes latent codes to rows in original units: the decoder's outputs, through the sigmoid when the loss is a BCE
 * on logits (so the outputs are the values in [0, 1] the loss compared with), then the normalisation inverted.
 */
public final class Reconstruction {

    /** Rows decoded per native scope, so that a large table does not hold all its outputs natively at once. */
    private static final int CHUNK = 1024;

    private Reconstruction() {
    }

    /** Whether the loss reads the decoder's outputs as logits. */
    public static boolean outputsAreLogits(LossKind loss) {
        return loss == LossKind.BCE || loss == LossKind.BCE_REFERENCE;
    }

    /**
     * The reconstructions of the codes, in original units.
     *
     * @throws IllegalArgumentException if a code's width is not the decoder's latent dimension
     */
    public static double[][] of(Decoder decoder, LossKind loss, Normalisation normalisation, double[][] codes) {
        int latent = decoder.inputDimension();
        for (int m = 0; m < codes.length; m++) {
            if (codes[m].length != latent) {
                throw new IllegalArgumentException("Code " + m + " has " + codes[m].length + " values but the model's"
                        + " latent dimension is " + latent + ": give codes made by this model.");
            }
        }
        double[][] outputs = new double[codes.length][];
        for (int from = 0; from < codes.length; from += CHUNK) {
            int to = Math.min(codes.length, from + CHUNK);
            try (NDManager manager = DjlRuntime.newManager()) {
                NDArray z = BatchArrays.fromRows(manager, Arrays.copyOfRange(codes, from, to), decoder.precision());
                NDArray u = decoder.forward(z);
                double[][] chunk = BatchArrays.toRows(outputsAreLogits(loss) ? u.getNDArrayInternal().sigmoid() : u);
                System.arraycopy(chunk, 0, outputs, from, chunk.length);
            }
        }
        return normalisation.invert(outputs);
    }
}
