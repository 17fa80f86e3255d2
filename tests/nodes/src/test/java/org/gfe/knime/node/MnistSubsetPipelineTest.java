package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;

/**
 * Learner -> Encoder -> Reconstructor on an MNIST subset (400 training images, 100 held out; pixel/255, so the
 * Learner's AUTO loss picks BCE): held-out images are reconstructed far better than by the mean image. Needs
 * {@code scripts/fetch-data.sh} (the build passes the data folder as {@code gfe.data.dir}).
 */
class MnistSubsetPipelineTest {

    @Test
    void heldOutImagesAreReconstructedFarBetterThanByTheMeanImage() throws Exception {
        double[][] images = read(Path.of(System.getProperty("gfe.data.dir", "../../data"),
                "mnist", "train-images-idx3-ubyte.gz"), 500);
        String[] pixels = new String[784];
        Arrays.setAll(pixels, i -> "p" + i);
        BufferedDataTable training = Tables.of(pixels, Arrays.copyOf(images, 400));
        double[][] heldOutRows = Arrays.copyOfRange(images, 400, 500);
        BufferedDataTable heldOut = Tables.of(pixels, heldOutRows);

        var learner = GfeNodes.learner(10, "64,128", 10);
        learner.edit().setString("loss", "AUTO").setString("normalisation", "NONE").setInt("batch_size", 10);
        GfeModelPortObject model = learner.execute(training, GfeNodes.fastSolver()).port(0, GfeModelPortObject.class);
        BufferedDataTable codes = GfeNodes.encoder().execute(model, heldOut, null).table(0);
        BufferedDataTable rebuilt = GfeNodes.reconstructor().execute(model, codes).table(0);
        double[][] predicted = Tables.toArray(rebuilt,
                Arrays.stream(pixels).map(p -> p + " (reconstructed)").toArray(String[]::new));

        double[] mean = new double[784];
        for (double[] row : Arrays.copyOf(images, 400)) {
            for (int j = 0; j < 784; j++) {
                mean[j] += row[j] / 400;
            }
        }
        double[][] meanImage = new double[heldOutRows.length][];
        Arrays.setAll(meanImage, i -> mean);
        double gfe = ZScoreError.meanSquared(heldOutRows, predicted);
        double means = ZScoreError.meanSquared(heldOutRows, meanImage);
        System.out.printf(Locale.ROOT, "MNIST subset, 100 held-out images, d = 10: pixel MSE GFE %.4f, mean image %.4f%n",
                gfe, means);
        assertTrue(gfe < 0.6 * means, "GFE's held-out pixel MSE " + gfe + " is not well below the mean image's " + means);
    }

    private static double[][] read(Path file, int count) throws IOException {
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing: run scripts/fetch-data.sh");
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            in.readInt();
            in.readInt();
            int size = in.readInt() * in.readInt();
            double[][] rows = new double[count][size];
            byte[] buffer = new byte[size];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < size; p++) {
                    rows[i][p] = (buffer[p] & 0xff) / 255.0;
                }
            }
            return rows;
        }
    }
}
