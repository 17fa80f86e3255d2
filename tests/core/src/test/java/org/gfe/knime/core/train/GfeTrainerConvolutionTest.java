package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.model.GfeModel;
import org.junit.jupiter.api.Test;

/** GFE training with the 1-D convolutional decoder on smooth, spectrum-shaped rows. */
class GfeTrainerConvolutionTest {

    private static final int COLUMNS = 40;
    private static final SolverSettings SHORT_FLOW = SolverSettings.defaults().toBuilder().endTime(100).build();

    /**
     * Spectra from 2 latent factors: a Gaussian band whose height is the first factor and a slow wave scaled by the
     * second, on a sloping baseline, with a little noise. Rows differ by {@code seed}.
     */
    private static double[][] spectra(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][COLUMNS];
        for (double[] row : rows) {
            double band = random.nextGaussian();
            double wave = random.nextGaussian();
            for (int p = 0; p < COLUMNS; p++) {
                double x = p / (double) (COLUMNS - 1);
                double bandShape = Math.exp(-Math.pow((x - 0.4) / 0.12, 2));
                double waveShape = Math.sin(2 * Math.PI * x);
                row[p] = 2 + x + band * bandShape + 0.7 * wave * waveShape + 0.02 * random.nextGaussian();
            }
        }
        return rows;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < COLUMNS; p++) {
            names.add("nm " + (900 + 5 * p));
        }
        return names;
    }

    private static double meanSquared(double[][] truth, double[][] estimate) {
        double sum = 0;
        for (int m = 0; m < truth.length; m++) {
            for (int p = 0; p < COLUMNS; p++) {
                double e = truth[m][p] - estimate[m][p];
                sum += e * e;
            }
        }
        return sum / (truth.length * COLUMNS);
    }

    @Test
    void aConvolutionalDecoderReconstructsHeldOutSpectraBetterThanColumnMeans() {
        double[][] training = spectra(100, 1);
        double[][] heldOut = spectra(20, 2);
        TrainingConfig config = TrainingConfig.builder().latentDimension(2).decoderKind(DecoderKind.CONVOLUTION_1D)
                .convolutionChannels(4).kernelSize(5).convolutionLayers(2).hiddenSizes(999)
                .normalisation(NormalisationKind.Z_SCORE).loss(LossKind.MSE).epochs(10).batchSize(10)
                .learningRate(5e-3).seed(3).solver(SHORT_FLOW).build();
        try (GfeModel model = new GfeTrainer(config).train(training, names(), TrainingListener.NONE).model()) {
            assertEquals(DecoderKind.CONVOLUTION_1D, model.decoderKind());
            assertEquals("1-D convolution, 4 channels, kernel 5, 2 layers", model.decoderDescription(),
                    "the hidden sizes are ignored for a convolutional decoder");
            assertThrows(IllegalStateException.class, model::decoderSpec);
            assertTrue(model.summary().contains("1-D convolution, 4 channels"), model.summary());

            long[] ids = new long[heldOut.length];
            Arrays.setAll(ids, m -> m);
            List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings()).encode(heldOut, ids,
                    EncodingListener.NONE);
            double[][] reconstructed = model.reconstruct(codes.stream().map(EncodedRow::code)
                    .toArray(double[][]::new));
            double[] means = new double[COLUMNS];
            for (double[] row : training) {
                for (int p = 0; p < COLUMNS; p++) {
                    means[p] += row[p] / training.length;
                }
            }
            double[][] meanRows = new double[heldOut.length][];
            Arrays.setAll(meanRows, m -> means.clone());
            double error = meanSquared(heldOut, reconstructed);
            double meanError = meanSquared(heldOut, meanRows);
            System.out.printf("conv1d GFE held-out reconstruction: MSE %.5f vs column means %.5f%n", error,
                    meanError);
            assertTrue(error < 0.1 * meanError, error + " vs column means " + meanError);
        }
    }

    @Test
    void convolutionSettingsAreCheckedOnlyForTheConvolutionalDecoder() {
        TrainingConfig.Builder even = TrainingConfig.builder().kernelSize(4);
        assertEquals(DecoderKind.MLP, even.build().decoderKind(), "MLP is the default; its kernel size is unused");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> even.decoderKind(DecoderKind.CONVOLUTION_1D).build());
        assertTrue(e.getMessage().contains("Kernel size") && e.getMessage().contains("4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder()
                .decoderKind(DecoderKind.CONVOLUTION_1D).convolutionChannels(0).build());
        assertTrue(e.getMessage().contains("Convolution channels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder()
                .decoderKind(DecoderKind.CONVOLUTION_1D).convolutionLayers(0).build());
        assertTrue(e.getMessage().contains("Convolution layers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().decoderKind(null).build());
        assertTrue(e.getMessage().contains("Decoder"), e.getMessage());
        TrainingConfig conv = TrainingConfig.builder().decoderKind(DecoderKind.CONVOLUTION_1D).build();
        assertEquals(8, conv.convolutionChannels());
        assertEquals(5, conv.kernelSize());
        assertEquals(2, conv.convolutionLayers());
        assertTrue(conv.toString().contains("decoder=CONVOLUTION_1D") && conv.toString().contains("kernel=5"),
                conv.toString());
    }
}
