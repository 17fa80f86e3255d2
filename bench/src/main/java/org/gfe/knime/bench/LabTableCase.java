package org.gfe.knime.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.train.AutoencoderResult;
import org.gfe.knime.core.train.AutoencoderTrainer;
import org.gfe.knime.core.train.GfeTrainer;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingMethod;
import org.gfe.knime.core.train.TrainingResult;
import org.gfe.knime.core.encode.SolverSettings;

/**
 * A lab table (tecator NIR spectra): the first 129 rows train (the data's original training set), the other 86 are
 * held out. Held-out reconstruction error of GFE, the AE baseline and PCA at d = 2, 5, 10, in units of the training
 * columns' standard deviations (mean squared, per cell); then 20% of the held-out cells removed at random and filled
 * by masked GFE encoding + reconstruction, against column-mean imputation. The flow runs to tau = 1000 (AMD converges
 * well before on these small decoders; the node tests use the same).
 */
final class LabTableCase {

    static final int[] LATENT_DIMENSIONS = {2, 5, 10};
    static final int TRAINING_ROWS = 129;

    private LabTableCase() {
    }

    static TrainingConfig config(int d, int epochs) {
        return TrainingConfig.builder().latentDimension(d).hiddenSizes(64, 128).activation(Activation.ELU)
                .loss(LossKind.MSE).normalisation(NormalisationKind.Z_SCORE)
                .method(TrainingMethod.APPROXIMATE_ADJOINT).epochs(epochs).batchSize(16).learningRate(1e-3)
                .rmsAlpha(0.9).rmsEpsilon(1e-6).validationFraction(0).seed(2020)
                .solver(SolverSettings.defaults().toBuilder().endTime(1000).seed(2020).build()).build();
    }

    static ResultTable run(String name, CsvTable table, int epochs) {
        double[][] training = Arrays.copyOf(table.rows(), TRAINING_ROWS);
        double[][] heldOut = Arrays.copyOfRange(table.rows(), TRAINING_ROWS, table.rows().length);
        double[] mean = new double[table.columns().size()];
        double[] sd = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            final int c = j;
            mean[j] = Arrays.stream(training).mapToDouble(r -> r[c]).average().orElse(0);
            sd[j] = Math.sqrt(Arrays.stream(training).mapToDouble(r -> (r[c] - mean[c]) * (r[c] - mean[c]))
                    .average().orElse(1));
        }
        double[][] heldOutScaled = scale(heldOut, mean, sd);
        ResultTable result = new ResultTable(name + ": held-out reconstruction (" + heldOut.length + " rows x "
                + mean.length + " columns), mean squared error per cell in training-SD units", "d", "method",
                "heldout_mse", "missing20_gfe_mse", "missing20_column_mean_mse", "train_seconds");
        double columnMeans = mse(heldOutScaled, scale(fill(heldOut.length, mean), mean, sd), null);
        result.add(0, "column means", columnMeans, Double.NaN, Double.NaN, 0.0);
        boolean[][] removed = removeCells(heldOut.length, mean.length, 0.2, 7);
        double[][] gappy = new double[heldOut.length][];
        for (int i = 0; i < heldOut.length; i++) {
            gappy[i] = heldOut[i].clone();
            for (int j = 0; j < mean.length; j++) {
                if (removed[i][j]) {
                    gappy[i][j] = Double.NaN;
                }
            }
        }
        double meanImputation = mse(heldOutScaled, scale(fill(heldOut.length, mean), mean, sd), removed);
        for (int d : LATENT_DIMENSIONS) {
            TrainingConfig config = config(d, epochs);
            long start = System.nanoTime();
            TrainingResult trained = new GfeTrainer(config).train(training, table.columns(), TrainingListener.NONE);
            try (GfeModel model = trained.model()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double full = mse(heldOutScaled, scale(reconstruct(model, heldOut), mean, sd), null);
                double masked = mse(heldOutScaled, scale(reconstruct(model, gappy), mean, sd), removed);
                result.add(d, "GFE-amd", full, masked, meanImputation, seconds);
                System.out.printf("  %s d=%2d GFE  held-out %.4f  20%% missing %.4f (column means %.4f)  %.1f s%n",
                        name, d, full, masked, meanImputation, seconds);
            }
            start = System.nanoTime();
            try (AutoencoderResult ae = new AutoencoderTrainer(config).train(training, table.columns(),
                    TrainingListener.NONE)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                double full = mse(heldOutScaled, scale(ae.reconstruct(ae.encode(heldOut)), mean, sd), null);
                result.add(d, "AE", full, Double.NaN, Double.NaN, seconds);
                System.out.printf("  %s d=%2d AE   held-out %.4f  %.1f s%n", name, d, full, seconds);
            }
            double[][] trainingScaled = scale(training, mean, sd);
            double pca = mse(heldOutScaled, new PrincipalComponents(trainingScaled, d).reconstruct(heldOutScaled),
                    null);
            result.add(d, "PCA", pca, Double.NaN, Double.NaN, 0.0);
            System.out.printf("  %s d=%2d PCA  held-out %.4f%n", name, d, pca);
        }
        return result;
    }

    private static double[][] reconstruct(GfeModel model, double[][] rows) {
        long[] identities = LongStream.range(0, rows.length).toArray();
        List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings()).encode(rows, identities,
                EncodingListener.NONE);
        return model.reconstruct(codes.stream().map(EncodedRow::code).toArray(double[][]::new));
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

    private static double[][] fill(int rows, double[] values) {
        double[][] out = new double[rows][];
        Arrays.setAll(out, i -> values.clone());
        return out;
    }

    private static double[][] scale(double[][] rows, double[] mean, double[] sd) {
        double[][] out = new double[rows.length][mean.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / (sd[j] > 0 ? sd[j] : 1);
            }
        }
        return out;
    }

    /** Mean squared difference over all cells, or only the selected ones. */
    private static double mse(double[][] truth, double[][] estimate, boolean[][] only) {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[i].length; j++) {
                if (only == null || only[i][j]) {
                    double e = truth[i][j] - estimate[i][j];
                    sum += e * e;
                    count++;
                }
            }
        }
        return sum / count;
    }
}
