package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The headless example a user would build in KNIME: the GFE Learner with its defaults (only the latent dimension set
 * to 2; decoder, sizes, epochs and solver sized to the data, started at PCA) on the first 129 tecator spectra (the
 * 100 absorbance columns) -> GFE Encoder and GFE Reconstructor on the other 86. Prints the held-out error next to
 * PCA's and writes what the workflow's tables would hold (latent codes with diagnostics, reconstructed columns) as
 * CSV and a PNG of three held-out spectra next to their reconstructions, under {@code tests/nodes/target/example/}.
 */
class TecatorExampleTest {

    @Test
    void learnEncodeReconstructAndWriteTheExampleOutputs() throws Exception {
        String[] channels = new String[100];
        Arrays.setAll(channels, i -> String.format("A%03d", i + 1));
        BufferedDataTable all = CsvTables.tecator();
        double[][] spectra = Tables.toArray(all, channels);
        BufferedDataTable training = Tables.of(channels, Arrays.copyOf(spectra, 129));
        BufferedDataTable heldOut = Tables.of(channels, Arrays.copyOfRange(spectra, 129, spectra.length));
        var learner = GfeNodes.defaultLearner();
        learner.edit().setInt("latent_dimension", 2);
        GfeModelPortObject model = learner.execute(training, null).port(0, GfeModelPortObject.class);
        var encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("diagnostics", true);
        BufferedDataTable codes = encoder.execute(model, heldOut, null).table(0);
        BufferedDataTable reconstructed = GfeNodes.reconstructor().execute(model, codes).table(0);

        Path out = Path.of("target", "example");
        Files.createDirectories(out);
        CsvTables.write(codes, out.resolve("tecator-latents.csv"));
        CsvTables.write(reconstructed, out.resolve("tecator-reconstructed.csv"));

        String[] rebuilt = Arrays.stream(channels).map(c -> c + " (reconstructed)").toArray(String[]::new);
        double[][] original = Tables.toArray(heldOut, channels);
        double[][] estimate = Tables.toArray(reconstructed, rebuilt);
        double[] wavelength = new double[100];
        Arrays.setAll(wavelength, i -> 850 + 2 * i);
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("Tecator held-out spectra and their GFE reconstructions (d = 2)")
                .xAxisTitle("wavelength (nm)").yAxisTitle("absorbance").build();
        for (int row : new int[] {0, 40, 80}) {
            chart.addSeries("row " + (129 + row), wavelength, original[row]).setMarker(SeriesMarkers.NONE);
            chart.addSeries("row " + (129 + row) + " reconstructed", wavelength, estimate[row])
                    .setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, out.resolve("tecator-reconstruction.png").toString(),
                BitmapEncoder.BitmapFormat.PNG);

        String[] columns = Tables.columnNames(training);
        double[][] trainingRows = Tables.toArray(training, columns);
        double[][] actual = Tables.toArray(heldOut, columns);
        double[][] predicted = Tables.toArray(reconstructed,
                Arrays.stream(columns).map(c -> c + " (reconstructed)").toArray(String[]::new));
        ZScoreError error = new ZScoreError(trainingRows);
        double[][] heldOutZ = error.standardise(actual);
        double pca = ZScoreError.meanSquared(heldOutZ,
                PrincipalComponents.fit(error.standardise(trainingRows), 2).reconstruct(heldOutZ));
        double gfe = error.of(actual, predicted);
        System.out.printf(java.util.Locale.ROOT, "Tecator example, the Learner's defaults with d = 2, 86 held-out"
                + " spectra: held-out MSE in z-score units: GFE %.5f, PCA (2 components) %.5f, column means %.4f%n"
                + "Model: %s%nOutputs in %s%n", gfe, pca, error.ofColumnMeans(actual), model.description(),
                out.toAbsolutePath());
        assertTrue(gfe <= pca * (1 + 1e-6), "the default Learner is not worse than PCA: " + gfe + " vs " + pca);

        double worst = 0;
        for (int i = 0; i < original.length; i++) {
            for (int j = 0; j < 100; j++) {
                worst = Math.max(worst, Math.abs(original[i][j] - estimate[i][j]));
            }
        }
        // absorbances span about 2 to 5.5; a 2-code reconstruction within 0.5 everywhere is a faithful spectrum
        assertTrue(worst < 0.5, "largest absorbance error " + worst);
        assertTrue(Files.size(out.resolve("tecator-reconstruction.png")) > 10_000);
    }
}
