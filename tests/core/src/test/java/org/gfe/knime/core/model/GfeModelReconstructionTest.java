package org.gfe.knime.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Random;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.decoder.DecoderSpec;
import org.gfe.knime.core.decoder.MlpDecoder;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.engine.DjlRuntime;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.junit.jupiter.api.Test;

/** Reconstruction in original units, and filling gaps, on a linear float64 model D(z) = W z + b with known W, b. */
class GfeModelReconstructionTest {

    private static final int LATENT = 2;
    private static final int COLUMNS = 6;
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");

    private final double[][] w = new double[COLUMNS][LATENT];
    private final double[] b = new double[COLUMNS];

    GfeModelReconstructionTest() {
        Random random = new Random(8);
        for (int p = 0; p < COLUMNS; p++) {
            for (int i = 0; i < LATENT; i++) {
                w[p][i] = random.nextGaussian();
            }
            b[p] = 0.1 * random.nextGaussian();
        }
    }

    private GfeModel model(LossKind loss, Normalisation normalisation) {
        double[] flat = new double[COLUMNS * LATENT];
        for (int p = 0; p < COLUMNS; p++) {
            System.arraycopy(w[p], 0, flat, p * LATENT, LATENT);
        }
        MlpDecoder decoder = MlpDecoder.of(new DecoderSpec(LATENT, new int[0], Activation.ELU, COLUMNS),
                List.of(flat, b.clone()), DataType.FLOAT64);
        return new GfeModel(decoder, loss, normalisation, NAMES, SolverSettings.defaults());
    }

    private double[] decode(double[] z) {
        double[] u = b.clone();
        for (int p = 0; p < COLUMNS; p++) {
            for (int i = 0; i < LATENT; i++) {
                u[p] += w[p][i] * z[i];
            }
        }
        return u;
    }

    private static Normalisation zScore() {
        Random random = new Random(3);
        double[][] rows = new double[30][COLUMNS];
        for (double[] row : rows) {
            for (int p = 0; p < COLUMNS; p++) {
                row[p] = 50 * p + 7 * random.nextGaussian();
            }
        }
        return Normalisation.fit(NormalisationKind.Z_SCORE, rows);
    }

    @Test
    void reconstructionForMseIsTheDecoderOutputInOriginalUnits() {
        Normalisation normalisation = zScore();
        double[][] codes = {{0.5, -1}, {2, 3}};
        try (GfeModel model = model(LossKind.MSE, normalisation)) {
            double[][] reconstructed = model.reconstruct(codes);
            for (int m = 0; m < codes.length; m++) {
                double[] expected = normalisation.invert(new double[][] {decode(codes[m])})[0];
                for (int p = 0; p < COLUMNS; p++) {
                    assertEquals(expected[p], reconstructed[m][p], 1e-12 * Math.abs(expected[p]) + 1e-12);
                }
            }
        }
    }

    @Test
    void reconstructionForBceIsTheSigmoidOfTheLogits() {
        double[][] codes = {{0.5, -1}, {4, 3}};
        for (LossKind loss : new LossKind[] {LossKind.BCE, LossKind.BCE_REFERENCE}) {
            try (GfeModel model = model(loss, Normalisation.none(COLUMNS))) {
                double[][] reconstructed = model.reconstruct(codes);
                for (int m = 0; m < codes.length; m++) {
                    double[] u = decode(codes[m]);
                    for (int p = 0; p < COLUMNS; p++) {
                        assertEquals(1 / (1 + Math.exp(-u[p])), reconstructed[m][p], 1e-14, loss.name());
                    }
                }
            }
        }
    }

    @Test
    void bceTargetsBeyondTheTrainingRangeAreClippedToTheUnitInterval() {
        try (GfeModel model = model(LossKind.BCE, Normalisation.none(COLUMNS));
                NDManager manager = DjlRuntime.newManager()) {
            NDArray z = manager.create(new double[][] {{0.3, -0.2}});
            double[] beyond = {1.5, -0.5, 0.5, Double.NaN, 1, 0};
            double[] clipped = {1, 0, 0.5, Double.NaN, 1, 0};
            double lossBeyond = model.objective(manager, new double[][] {beyond}).rowLosses(z).getDouble(0);
            double lossClipped = model.objective(manager, new double[][] {clipped}).rowLosses(z).getDouble(0);
            assertTrue(Double.isFinite(lossBeyond));
            assertEquals(lossClipped, lossBeyond, 0);
        }
    }

    @Test
    void reconstructRefusesCodesOfTheWrongWidth() {
        try (GfeModel model = model(LossKind.MSE, Normalisation.none(COLUMNS))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.reconstruct(new double[][] {{1, 2, 3}}));
            assertTrue(e.getMessage().contains("latent dimension is 2"), e.getMessage());
        }
    }

    @Test
    void encodingARowWithGapsAndReconstructingFillsTheGaps() {
        Normalisation normalisation = zScore();
        double[] truth = normalisation.invert(new double[][] {decode(new double[] {0.7, -0.4})})[0];
        double[] withGaps = truth.clone();
        withGaps[1] = Double.NaN;
        withGaps[4] = Double.NaN;
        SolverSettings settings = SolverSettings.defaults().toBuilder().integrator(IntegratorKind.RK4).endTime(300)
                .gridPoints(3001).build();
        try (GfeModel model = model(LossKind.MSE, normalisation)) {
            EncodedRow encoded = new LatentEncoder(model, settings).encode(new double[][] {withGaps},
                    new long[] {1}, EncodingListener.NONE).get(0);
            assertEquals(0, encoded.loss(), 1e-12, "the present cells are fitted exactly");
            double[] filled = model.reconstruct(new double[][] {encoded.code()})[0];
            for (int p = 0; p < COLUMNS; p++) {
                assertEquals(truth[p], filled[p], 1e-6 * Math.abs(truth[p]), "column " + NAMES.get(p));
            }
        }
    }
}
