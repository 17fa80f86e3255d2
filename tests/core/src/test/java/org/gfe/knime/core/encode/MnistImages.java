package org.gfe.knime.core.encode;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads MNIST IDX image files (gzip) into rows of pixel/255, from the folder scripts/fetch-data.sh fills. */
public final class MnistImages {

    /** The data folder: system property {@code gfe.data.dir} (set by the build), else {@code ../../data}. */
    public static final Path DATA = Path.of(System.getProperty("gfe.data.dir", "../../data"));

    public static final Path TRAINING = DATA.resolve("mnist/train-images-idx3-ubyte.gz");

    private MnistImages() {
    }

    public static double[][] read(Path file, int count) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("MNIST file " + file.toAbsolutePath() + " is missing: run scripts/fetch-data.sh first.");
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            int magic = in.readInt();
            if (magic != 2051) {
                throw new IOException(file + " is not an IDX image file (magic " + magic + ")");
            }
            int images = in.readInt();
            int pixels = in.readInt() * in.readInt();
            int n = Math.min(count, images);
            double[][] rows = new double[n][pixels];
            byte[] buffer = new byte[pixels];
            for (int i = 0; i < n; i++) {
                in.readFully(buffer);
                for (int p = 0; p < pixels; p++) {
                    rows[i][p] = (buffer[p] & 0xff) / 255.0;
                }
            }
            return rows;
        }
    }
}
