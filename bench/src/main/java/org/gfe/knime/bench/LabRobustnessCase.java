package org.gfe.knime.bench;

import java.util.ArrayList;
import java.util.Collections;
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
 * The Learner's defaults where tables are hardest for them: small random subsamples of a lab table (e.g. 42 or 60
 * rows, the size of small NIR studies), several seeded 70/30 splits each, d = 2, 5, 10. Reports GFE / PCA on the
 * held-out rows and the seconds, so one sees how often the defaults beat, equal (PCA kept) or lose to PCA.
 */
final class LabRobustnessCase {

    private LabRobustnessCase() {
    }

    static ResultTable run(CsvFile table, int rows, int seeds, int threads) {
        List<String> columns = table.numericColumns(LabTableCase.TARGETS);
        double[][] all = table.numbers(columns);
        String name = table.name().replace(".csv", "");
        ResultTable result = new ResultTable(name + ": random subsamples of " + rows + " rows, 70/30 split; held-out"
                + " error per cell in z-score units", "seed", "d", "gfe", "pca", "gfe_over_pca", "kept_epoch",
                "learner_seconds");
        ParallelWork parallel = ParallelWork.of(ForkJoinPool.commonPool(), threads);
        for (int seed = 1; seed <= seeds; seed++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            int trainingCount = (int) Math.round(LabTableCase.TRAINING_SHARE * rows);
            double[][] training = new double[trainingCount][];
            double[][] heldOut = new double[rows - trainingCount][];
            for (int i = 0; i < rows; i++) {
                double[] row = all[order.get(i)];
                if (i < trainingCount) {
                    training[i] = row;
                } else {
                    heldOut[i - trainingCount] = row;
                }
            }
            ZScoreError error = new ZScoreError(training);
            double[][] heldOutZ = error.standardise(heldOut);
            for (int d : LabTableCase.LATENT_DIMENSIONS) {
                if (d >= columns.size() || d >= trainingCount) {
                    continue;
                }
                long start = System.nanoTime();
                TrainingResult trained = new GfeTrainer(TrainingConfig.forTables().latentDimension(d).build(),
                        parallel).train(training, columns, TrainingListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                try (GfeModel model = trained.model()) {
                    List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings(), parallel).encode(heldOut,
                            LongStream.range(0, heldOut.length).toArray(), EncodingListener.NONE);
                    double gfe = error.of(heldOut, model.reconstruct(codes.stream().map(EncodedRow::code)
                            .toArray(double[][]::new)));
                    double pca = ZScoreError.meanSquared(heldOutZ,
                            PrincipalComponents.fit(error.standardise(training), d).reconstruct(heldOutZ));
                    result.add(seed, d, gfe, pca, gfe / pca, trained.bestEpoch(), seconds);
                    System.out.printf("  %s %d rows seed %d d=%2d GFE/PCA %.4f  kept epoch %d  %.1f s%n", name, rows,
                            seed, d, gfe / pca, trained.bestEpoch(), seconds);
                }
            }
        }
        return result;
    }
}
