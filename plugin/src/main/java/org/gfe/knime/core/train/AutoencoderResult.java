package org.gfe.knime.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.model.Reconstruction;
import org.gfe.knime.core.objective.TargetBatch;
import org.gfe.knime.core.ode.BatchArrays;

/**
 * A trained autoencoder baseline: its encoder and decoder (owned: close this when done), the loss and normalisation it
 * was trained with, and its training history. Encodes rows in original units (missing cells enter the encoder as 0 in
 * normalised units) and reconstructs codes to original units.
 */
public final class AutoencoderResult implements AutoCloseable {

    private static final int CHUNK = 1024;

    private final MlpDecoder encoder;
    private final MlpDecoder decoder;
    private final LossKind loss;
    private final Normalisation normalisation;
    private final List<String> columnNames;
    private final List<TrainingRecord> history;

    AutoencoderResult(MlpDecoder encoder, MlpDecoder decoder, LossKind loss, Normalisation normalisation,
            List<String> columnNames, List<TrainingRecord> history) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.loss = loss;
        this.normalisation = normalisation;
        this.columnNames = List.copyOf(columnNames);
        this.history = List.copyOf(history);
    }

    /** The codes of rows given in original units (NaN = missing), one encoder forward each. */
    public double[][] encode(double[][] rows) {
        double[][] normalised = normalisation.apply(rows);
        double[][] codes = new double[rows.length][];
        for (int from = 0; from < rows.length; from += CHUNK) {
            int to = Math.min(rows.length, from + CHUNK);
            try (NDManager manager = DjlRuntime.newManager()) {
                NDArray input = TargetBatch.of(manager, Arrays.copyOfRange(normalised, from, to),
                        encoder.spec().inputDimension(), encoder.precision()).targets();
                double[][] chunk = BatchArrays.toRows(encoder.forward(input));
                System.arraycopy(chunk, 0, codes, from, chunk.length);
            }
        }
        return codes;
    }

    /** The decoded rows of the codes, in original units. */
    public double[][] reconstruct(double[][] codes) {
        return Reconstruction.of(decoder, loss, normalisation, codes);
    }

    /** One record per training batch. */
    public List<TrainingRecord> history() {
        return history;
    }

    /** The resolved loss, never AUTO. */
    public LossKind loss() {
        return loss;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public MlpDecoder encoder() {
        return encoder;
    }

    public MlpDecoder decoder() {
        return decoder;
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
    }
}
