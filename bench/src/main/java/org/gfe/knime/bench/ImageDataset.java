package org.gfe.knime.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST-like data split as the reference does it (spec section 7): training images 0..49,999 permuted by numpy
 * {@code RandomState(0)}; the first 49,992 train, the last 8 validate (the parity set); plus a fixed 1,000-image
 * validation set (the first 1,000 test images) for a stable number.
 */
record ImageDataset(String name, double[][] training, double[][] parityValidation, double[][] stableValidation,
        double[][] test) {

    static ImageDataset load(String name, Path folder) throws IOException {
        double[][] all = IdxFiles.images(folder.resolve("train-images-idx3-ubyte.gz"));
        double[][] test = IdxFiles.images(folder.resolve("t10k-images-idx3-ubyte.gz"));
        int[] order = Mt19937.permutation(0, 50_000);
        double[][] training = new double[49_992][];
        double[][] parity = new double[8][];
        for (int i = 0; i < 50_000; i++) {
            if (i < 49_992) {
                training[i] = all[order[i]];
            } else {
                parity[i - 49_992] = all[order[i]];
            }
        }
        return new ImageDataset(name, training, parity, Arrays.copyOf(test, 1000), test);
    }
}
