package org.gfe.knime.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads IDX files (MNIST's format: big-endian header, then unsigned bytes), gzipped or not. */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Images as rows of pixel/255 (spec section 7: not binarised). */
    static double[][] images(Path file) throws IOException {
        return images(file, Integer.MAX_VALUE);
    }

    /** The first {@code limit} images (or all, if fewer) as rows of pixel/255. */
    static double[][] images(Path file, int limit) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 2051) {
                throw new IOException(file + " is not an IDX image file (magic " + magic + ", expected 2051).");
            }
            int count = Math.min(limit, in.readInt());
            int pixels = in.readInt() * in.readInt();
            double[][] rows = new double[count][pixels];
            byte[] buffer = new byte[pixels];
            for (int i = 0; i < count; i++) {
                in.readFully(buffer);
                for (int p = 0; p < pixels; p++) {
                    rows[i][p] = (buffer[p] & 0xff) / 255.0;
                }
            }
            return rows;
        }
    }

    static int[] labels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 2049) {
                throw new IOException(file + " is not an IDX label file (magic " + magic + ", expected 2049).");
            }
            int count = in.readInt();
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Data file " + file.toAbsolutePath() + " is missing: run scripts/fetch-data.sh first.");
        }
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw);
    }
}
