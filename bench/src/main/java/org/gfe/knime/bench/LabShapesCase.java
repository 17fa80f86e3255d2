package org.gfe.knime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.gfe.knime.core.engine.ParallelWork;
import org.gfe.knime.core.train.GfeTrainer;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingListener;
import org.gfe.knime.core.train.TrainingResult;

/**
 * The Learner's wall time on synthetic tables of the shapes of real lab tables the issue names (fruit spectra 767 x
 * 256, cell-imaging features 1,413 x 56, voice features 176 x 750, NIR spectra 42 x 401; 70 % of the rows train):
 * rows on a curved low-dimensional surface plus noise, so the MLP correction has something to learn and the run is
 * as long as the defaults allow. Time only; the lab cases measure quality on real tables.
 */
final class LabShapesCase {

    static final int[][] SHAPES = {{767, 256}, {1413, 56}, {176, 750}, {42, 401}};

    private LabShapesCase() {
    }

    static ResultTable run(int threads) {
        ResultTable result = new ResultTable("Learner wall time on synthetic tables of real lab-table shapes (70 % of"
                + " the rows train), " + threads + " threads", "rows", "columns", "training_rows", "d",
                "learner_seconds", "kept_epoch", "batches");
        ParallelWork parallel = ParallelWork.of(ForkJoinPool.commonPool(), threads);
        for (int[] shape : SHAPES) {
            int columns = shape[1];
            double[][] rows = curvedRows((int) Math.round(LabTableCase.TRAINING_SHARE * shape[0]), columns);
            List<String> names = new ArrayList<>();
            for (int p = 0; p < columns; p++) {
                names.add("c" + p);
            }
            for (int d : new int[] {2, 5}) {
                long start = System.nanoTime();
                TrainingResult trained = new GfeTrainer(TrainingConfig.forTables().latentDimension(d).build(),
                        parallel).train(rows, names, TrainingListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                trained.model().close();
                result.add(shape[0], columns, rows.length, d, seconds, trained.bestEpoch(), trained.history().size());
                System.out.printf("  %d x %d (%d training rows) d=%d: %.1f s, kept epoch %d, %d batches%n", shape[0],
                        columns, rows.length, d, seconds, trained.bestEpoch(), trained.history().size());
            }
        }
        return result;
    }

    /** Rows t b1 + u b2 + t^2/2 b3 + 0.3 sin(2u) b4 + 0.2 v + noise, with Gaussian t, u, v (seed 1). */
    private static double[][] curvedRows(int n, int columns) {
        Random random = new Random(1);
        double[][] basis = new double[4][columns];
        for (double[] b : basis) {
            for (int p = 0; p < columns; p++) {
                b[p] = random.nextGaussian();
            }
        }
        double[][] rows = new double[n][columns];
        for (double[] row : rows) {
            double t = random.nextGaussian();
            double u = random.nextGaussian();
            double v = random.nextGaussian();
            for (int p = 0; p < columns; p++) {
                row[p] = t * basis[0][p] + u * basis[1][p] + 0.5 * t * t * basis[2][p]
                        + 0.3 * Math.sin(2 * u) * basis[3][p] + 0.2 * v + 0.1 * random.nextGaussian();
            }
        }
        return rows;
    }
}
