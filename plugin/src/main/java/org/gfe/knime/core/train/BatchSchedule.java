package org.gfe.knime.core.train;

import java.util.Arrays;
import java.util.Random;

/**
 * Which rows train and which validate, the order of the training rows in each epoch, and after which batches to
 * validate, all seeded by the config's seed: the validation rows are the first of a seeded permutation (stream
 * {@code seed}), each epoch reshuffles the training rows (stream {@code seed + 1}). The same split and batches as
 * {@link DecoderTrainingLoop} draws, so the AE baseline and GFE see the same rows in the same order.
 */
public final class BatchSchedule {

    private final TrainingConfig config;
    private final int[] validation;
    private final int[] training;
    private final Random shuffle;

    /**
     * @throws IllegalArgumentException if no training row would remain besides the validation rows
     */
    public BatchSchedule(TrainingConfig config, int rowCount) {
        this.config = config;
        int[] order = permute(identity(rowCount), new Random(config.seed()));
        int validationCount = validationCount(config, rowCount);
        if (rowCount - validationCount < 1) {
            throw new IllegalArgumentException("Training needs at least one row besides the " + validationCount
                    + " validation rows; got " + rowCount + " rows. Lower the validation fraction or add rows.");
        }
        validation = Arrays.copyOfRange(order, 0, validationCount);
        training = Arrays.copyOfRange(order, validationCount, rowCount);
        shuffle = new Random(config.seed() + 1);
    }

    /**
     * A schedule over a split made by the caller: the training row indices (shuffled each epoch, stream
     * {@code seed + 1}) and the validation row indices.
     *
     * @throws IllegalArgumentException without training rows
     */
    public BatchSchedule(TrainingConfig config, int[] trainingRows, int[] validationRows) {
        if (trainingRows.length < 1) {
            throw new IllegalArgumentException("Training needs at least one row besides the " + validationRows.length
                    + " validation rows.");
        }
        this.config = config;
        validation = validationRows.clone();
        training = trainingRows.clone();
        shuffle = new Random(config.seed() + 1);
    }

    /** How many of {@code rowCount} rows the config's validation fraction holds out (at least one if it is set). */
    public static int validationCount(TrainingConfig config, int rowCount) {
        return config.validationFraction() > 0
                ? Math.max(1, (int) Math.round(config.validationFraction() * rowCount)) : 0;
    }

    /** Indices of the validation rows (a copy). */
    public int[] validationRows() {
        return validation.clone();
    }

    /** Indices of the training rows, unshuffled (a copy). */
    public int[] trainingRows() {
        return training.clone();
    }

    public int batchesPerEpoch() {
        return (training.length + config.batchSize() - 1) / config.batchSize();
    }

    /** The batches of the next epoch: the training rows reshuffled, cut into batches (the last may be short). */
    public int[][] nextEpoch() {
        int[] order = permute(training, shuffle);
        int[][] batches = new int[batchesPerEpoch()][];
        for (int b = 0; b < batches.length; b++) {
            int from = b * config.batchSize();
            batches[b] = Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
        }
        return batches;
    }

    /** Whether to validate after this 0-based batch of an epoch: every interval batches and at the epoch's end. */
    public boolean validatesAfter(int batch) {
        if (validation.length == 0) {
            return false;
        }
        boolean last = batch == batchesPerEpoch() - 1;
        return config.validationInterval() > 0 ? (batch + 1) % config.validationInterval() == 0 || last : last;
    }

    private static int[] identity(int n) {
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return values;
    }

    /** Fisher-Yates shuffle of a copy. */
    private static int[] permute(int[] values, Random random) {
        int[] copy = values.clone();
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return copy;
    }
}
