package org.gfe.knime.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.LongStream;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.train.GfeTrainer;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingResult;
import org.gfe.knime.testsupport.CsvFile;
import org.gfe.knime.testsupport.ZScoreError;

/**
 * A lab table with the GFE Learner's defaults ({@link TrainingConfig#forTables()}): the measurement columns (numeric,
 * without the tables' target columns), a seeded 70/30 split, and for d = 2, 5, 10 (below the column count) the
 * held-out reconstruction error in z-score units of the training rows for GFE, PCA with d components (fitted on the
 * z-scored training rows), and the column means; the Learner's wall time (DJL already started); then 20 % of the
 * held-out cells removed at random and filled by masked GFE encoding, against column-mean imputation.
 */
final class LabTableCase {

    static final int[] LATENT_DIMENSIONS = {2, 5, 10};
    /** Columns that are what a lab predicts, not what it measures (tecator's chemistry, the class labels). */
    static final String[] TARGETS = {"water", "fat", "protein", "class", "diagnosis", "target"};
    static final double TRAINING_SHARE = 0.7;

    private LabTableCase() {
    }

    static ResultTable run(CsvFile table, long splitSeed, int threads) {
        List<String> columns = table.numericColumns(TARGETS);
        double[][] rows = table.numbers(columns);
        int[] order = shuffled(rows.length, splitSeed);
        int trainingCount = (int) Math.round(TRAINING_SHARE * rows.length);
        double[][] training = pick(rows, Arrays.copyOf(order, trainingCount));
        double[][] heldOut = pick(rows, Arrays.copyOfRange(order, trainingCount, rows.length));
        String name = table.name().replace(".csv", "");
        ZScoreError error = new ZScoreError(training);
        double[][] heldOutZ = error.standardise(heldOut);
        ResultTable result = new ResultTable(name + ": " + training.length + " training / " + heldOut.length
                + " held-out rows x " + columns.size() + " columns, split seed " + splitSeed + "; held-out mean squared"
                + " error per cell in z-score units", "d", "gfe", "pca", "column_means", "gfe_over_pca",
                "learner_seconds", "kept_epochs", "missing20_gfe", "missing20_column_means");
        double means = error.ofColumnMeans(heldOut);
        boolean[][] removed = removeCells(heldOut.length, columns.size(), 0.2, 7);
        double[][] gappy = withGaps(heldOut, removed);
        ParallelWork parallel = ParallelWork.of(ForkJoinPool.commonPool(), threads);
        for (int d : LATENT_DIMENSIONS) {
            if (d >= columns.size()) {
                continue;
            }
            TrainingConfig config = TrainingConfig.forTables().latentDimension(d).build();
            long start = System.nanoTime();
            TrainingResult trained = new GfeTrainer(config, parallel).train(training, columns, TrainingListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (GfeModel model = trained.model()) {
                double gfe = error.of(heldOut, reconstruct(model, heldOut, parallel));
                double pca = ZScoreError.meanSquared(heldOutZ,
                        PrincipalComponents.fit(error.standardise(training), d).reconstruct(heldOutZ));
                double gfeMissing = maskedError(error, heldOut, reconstruct(model, gappy, parallel), removed);
                double meansMissing = maskedError(error, heldOut, columnMeans(training, heldOut.length), removed);
                result.add(d, gfe, pca, means, gfe / pca, seconds, trained.bestEpoch(), gfeMissing, meansMissing);
                System.out.printf("  %-14s d=%2d GFE %.5g  PCA %.5g (GFE/PCA %.3f)  means %.4f  %.1f s, kept epoch %d;"
                        + " 20%% missing: GFE %.4f, means %.4f%n    %s%n", name, d, gfe, pca, gfe / pca, means, seconds,
                        trained.bestEpoch(), gfeMissing, meansMissing, String.join(" ", trained.notes()));
            }
        }
        return result;
    }

    private static double[][] reconstruct(GfeModel model, double[][] rows, ParallelWork parallel) {
        long[] identities = LongStream.range(0, rows.length).toArray();
        List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings(), parallel).encode(rows, identities,
                EncodingListener.NONE);
        return model.reconstruct(codes.stream().map(EncodedRow::code).toArray(double[][]::new));
    }

    /** The z-score error over the removed cells only. */
    private static double maskedError(ZScoreError error, double[][] truth, double[][] estimate, boolean[][] removed) {
        double[][] onlyRemoved = new double[truth.length][];
        for (int m = 0; m < truth.length; m++) {
            onlyRemoved[m] = truth[m].clone();
            for (int p = 0; p < truth[m].length; p++) {
                if (!removed[m][p]) {
                    onlyRemoved[m][p] = Double.NaN;
                }
            }
        }
        return ZScoreError.meanSquared(error.standardise(onlyRemoved), error.standardise(estimate));
    }

    private static double[][] columnMeans(double[][] training, int rows) {
        double[] mean = new double[training[0].length];
        for (double[] row : training) {
            for (int p = 0; p < mean.length; p++) {
                mean[p] += row[p] / training.length;
            }
        }
        double[][] out = new double[rows][];
        Arrays.setAll(out, i -> mean.clone());
        return out;
    }

    private static double[][] withGaps(double[][] rows, boolean[][] removed) {
        double[][] gappy = new double[rows.length][];
        for (int m = 0; m < rows.length; m++) {
            gappy[m] = rows[m].clone();
            for (int p = 0; p < gappy[m].length; p++) {
                if (removed[m][p]) {
                    gappy[m][p] = Double.NaN;
                }
            }
        }
        return gappy;
    }

    private static boolean[][] removeCells(int rows, int columns, double fraction, long seed) {
        Random random = new Random(seed);
        boolean[][] removed = new boolean[rows][columns];
        for (boolean[] row : removed) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextDouble() < fraction;
            }
        }
        return removed;
    }

    private static int[] shuffled(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[][] pick(double[][] rows, int[] indices) {
        double[][] picked = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = rows[indices[i]];
        }
        return picked;
    }
}
