package org.gfe.knime.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.gfe.knime.core.data.Normalisation;
import org.gfe.knime.core.data.NormalisationKind;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.core.decoder.Activation;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.decoder.LinearPlusMlpDecoder;
import org.gfe.knime.core.decoder.LinearPlusMlpSpec;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingListener;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.model.GfeModel;
import org.junit.jupiter.api.Test;

/** The linear + MLP decoder started at PCA, and its trainer's promise: never worse than PCA on checked rows. */
class LinearPlusMlpTrainerTest {

    private static List<String> names(int columns) {
        List<String> names = new ArrayList<>();
        for (int p = 0; p < columns; p++) {
            names.add("c" + p);
        }
        return names;
    }

    /** Rank-3 rows in 12 columns of different scales, plus independent noise: nothing non-linear to learn. */
    private static double[][] linearRows(int n, long seed) {
        Random random = new Random(seed);
        double[][] basis = new double[3][12];
        for (double[] b : basis) {
            for (int p = 0; p < 12; p++) {
                b[p] = random.nextGaussian();
            }
        }
        double[][] rows = new double[n][12];
        for (double[] row : rows) {
            double[] a = {3 * random.nextGaussian(), 2 * random.nextGaussian(), random.nextGaussian()};
            for (int p = 0; p < 12; p++) {
                row[p] = 10 * p + (p + 1) * (a[0] * basis[0][p] + a[1] * basis[1][p] + a[2] * basis[2][p]
                        + 0.2 * random.nextGaussian());
            }
        }
        return rows;
    }

    /**
     * Rows on a parabola (t, t^2) turned into 10 columns, plus a little noise: one component of PCA keeps the t
     * direction and misses the t^2 part (about a fifth of the variance), a one-dimensional code with a curved decoder
     * does not.
     */
    private static double[][] curvedRows(int n, long seed) {
        Random random = new Random(seed);
        double[] along = new double[10];
        double[] across = new double[10];
        for (int p = 0; p < 10; p++) {
            along[p] = Math.cos(0.7 * p);
            across[p] = Math.sin(0.7 * p);
        }
        double[][] rows = new double[n][10];
        for (double[] row : rows) {
            double t = 2 * random.nextDouble() - 1;
            for (int p = 0; p < 10; p++) {
                row[p] = t * along[p] + t * t * across[p] + 0.01 * random.nextGaussian();
            }
        }
        return rows;
    }

    private static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    private static double[][] encodeAndReconstruct(GfeModel model, double[][] rows) {
        List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings()).encode(rows,
                LongStream.range(0, rows.length).toArray(), EncodingListener.NONE);
        return model.reconstruct(codes.stream().map(EncodedRow::code).toArray(double[][]::new));
    }

    /** Mean squared difference per cell in z-score units of {@code normalisation}. */
    private static double zError(Normalisation normalisation, double[][] a, double[][] b) {
        double[][] za = normalisation.apply(a);
        double[][] zb = normalisation.apply(b);
        double sum = 0;
        int count = 0;
        for (int m = 0; m < za.length; m++) {
            for (int p = 0; p < za[m].length; p++) {
                sum += (za[m][p] - zb[m][p]) * (za[m][p] - zb[m][p]);
                count++;
            }
        }
        return sum / count;
    }

    private static double largestZDifference(Normalisation normalisation, double[][] a, double[][] b) {
        double[][] za = normalisation.apply(a);
        double[][] zb = normalisation.apply(b);
        double worst = 0;
        for (int m = 0; m < za.length; m++) {
            for (int p = 0; p < za[m].length; p++) {
                worst = Math.max(worst, Math.abs(za[m][p] - zb[m][p]));
            }
        }
        return worst;
    }

    /** PCA's reconstruction of rows in original units, fitted on the z-scored training rows. */
    private static double[][] pcaReconstruction(Normalisation normalisation, double[][] training, double[][] rows,
            int d) {
        PrincipalComponents pca = PrincipalComponents.fit(normalisation.apply(training), d);
        return normalisation.invert(pca.reconstruct(normalisation.apply(rows)));
    }

    @Test
    void thePcaStartReproducesPcasReconstruction() {
        double[][] rows = linearRows(30, 1);
        double[][] others = linearRows(10, 2);
        Normalisation normalisation = Normalisation.fit(NormalisationKind.Z_SCORE, rows);
        PrincipalComponents pca = PrincipalComponents.fit(normalisation.apply(rows), 3);
        LinearPlusMlpSpec spec = new LinearPlusMlpSpec(3, new int[] {16, 16}, Activation.ELU, 12,
                pca.scoreDeviations(), filled(12, 0.1), false);
        LinearPlusMlpDecoder decoder = LinearPlusMlpDecoder.initialise(spec, pca.components(), pca.mean(), 5,
                DataType.FLOAT64);
        try (GfeModel model = new GfeModel(decoder, LossKind.MSE, normalisation, names(12),
                DataSizedDefaults.tableSolver(12, 1e-12))) {
            for (double[][] table : List.of(rows, others)) {
                double[][] expected = pcaReconstruction(normalisation, rows, table, 3);
                double[][] actual = encodeAndReconstruct(model, table);
                double worst = largestZDifference(normalisation, expected, actual);
                assertTrue(worst < 1e-6, "largest difference from PCA in z-score units: " + worst);
            }
            List<EncodedRow> codes = new LatentEncoder(model, model.solverSettings()).encode(others,
                    LongStream.range(0, 10).toArray(), EncodingListener.NONE);
            assertTrue(codes.stream().allMatch(row -> row.steps() == 0 && row.converged()),
                    "every row starts at its optimum, its PCA score, so the flow takes no step");
        }
    }

    @Test
    void withoutAnythingNonLinearTheModelIsPcasReconstruction() {
        double[][] training = linearRows(60, 3);
        double[][] heldOut = linearRows(20, 4);
        TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(3).epochs(20).build())
                .train(training, names(12), TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            assertEquals(DecoderKind.LINEAR_PLUS_MLP, model.decoderKind());
            assertEquals(0, result.bestEpoch(), String.join(" ", result.notes()));
            assertTrue(String.join(" ", result.notes()).contains("PCA's reconstruction"), result.notes().toString());
            double worst = largestZDifference(model.normalisation(),
                    pcaReconstruction(model.normalisation(), training, heldOut, 3),
                    encodeAndReconstruct(model, heldOut));
            assertTrue(worst < 1e-6, "largest difference from PCA in z-score units: " + worst);
            assertTrue(String.join(" ", result.notes()).contains("4-fold validation"),
                    "60 rows: the epochs are chosen by 4-fold validation; " + result.notes());
            assertTrue(result.epochs().stream().noneMatch(e -> e.stage() == TrainingStage.FINAL_FIT),
                    "PCA needs no final fit");
        }
    }

    @Test
    void curvedDataKeepsTheCorrectionAndBeatsPca() {
        double[][] training = curvedRows(200, 5);
        double[][] heldOut = curvedRows(100, 6);
        TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(1).epochs(40).build())
                .train(training, names(10), TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            assertTrue(result.bestEpoch() > 0, String.join(" ", result.notes()));
            Normalisation z = model.normalisation();
            double gfe = zError(z, heldOut, encodeAndReconstruct(model, heldOut));
            double pca = zError(z, heldOut, pcaReconstruction(z, training, heldOut, 1));
            assertTrue(gfe < 0.5 * pca, "held-out error GFE " + gfe + " vs PCA " + pca);
            assertTrue(result.epochs().stream().anyMatch(e -> e.stage() == TrainingStage.FINAL_FIT));
        }
    }

    @Test
    void aLargeTableKeepsItsSelectionDecoderWithoutAFinalFit() {
        double[][] training = curvedRows(LinearPlusMlpTrainer.REFIT_BELOW + 20, 10);
        double[][] heldOut = curvedRows(100, 11);
        TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(1).epochs(40).build())
                .train(training, names(10), TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            assertTrue(result.bestEpoch() > 0, result.notes().toString());
            assertTrue(String.join(" ", result.notes()).contains("the model is that decoder"), result.notes()
                    .toString());
            assertTrue(result.epochs().stream().noneMatch(e -> e.stage() == TrainingStage.FINAL_FIT));
            Normalisation z = model.normalisation();
            double gfe = zError(z, heldOut, encodeAndReconstruct(model, heldOut));
            double pca = zError(z, heldOut, pcaReconstruction(z, training, heldOut, 1));
            assertTrue(gfe < 0.5 * pca, "held-out error GFE " + gfe + " vs PCA " + pca);
        }
    }

    @Test
    void stopAndKeepDuringTheSelectionGivesPcaAndDuringTheFinalFitTheModelSoFar() {
        double[][] training = curvedRows(200, 8);
        for (TrainingStage stopIn : List.of(TrainingStage.SELECTION, TrainingStage.FINAL_FIT)) {
            int[] batches = {0};
            TrainingListener stopper = new TrainingListener() {
                @Override
                public boolean onBatch(TrainingRecord record) {
                    if (record.stage() == stopIn) {
                        batches[0]++;
                    }
                    return true;
                }

                @Override
                public boolean stopAndKeepRequested() {
                    return batches[0] >= 3;
                }
            };
            TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(1).epochs(30).build())
                    .train(training, names(10), stopper);
            try (GfeModel model = result.model()) {
                assertEquals(StopReason.STOPPED_BY_USER, result.stopReason(), stopIn.toString());
                if (stopIn == TrainingStage.SELECTION) {
                    assertEquals(0, result.bestEpoch(), "no final fit after a stop: PCA");
                    assertTrue(String.join(" ", result.notes()).contains("Stopped by the user"), result.notes()
                            .toString());
                } else {
                    assertEquals(3, result.history().stream().filter(r -> r.stage() == TrainingStage.FINAL_FIT)
                            .count(), "the final fit ended after the batch the stop was asked in");
                }
                assertEquals(10, encodeAndReconstruct(model, curvedRows(5, 9))[0].length);
            }
        }
    }

    @Test
    void aTinyTableGetsPcaAndSaysWhy() {
        double[][] training = Arrays.copyOf(linearRows(6, 7), 6);
        TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(2).build())
                .train(training, names(12), TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            assertEquals(0, result.bestEpoch());
            assertTrue(result.notes().get(0).contains("Only 6 training rows"), result.notes().toString());
        }
    }

    @Test
    void theSelectionRunsAreKnownBeforeTraining() {
        GfeTrainer trainer = new GfeTrainer(TrainingConfig.forTables().latentDimension(2).build());
        assertEquals(0, trainer.selectionRuns(6), "too few rows: PCA, no selection");
        assertEquals(LinearPlusMlpTrainer.FOLDS, trainer.selectionRuns(60), "small tables: folds");
        assertEquals(1, trainer.selectionRuns(200), "one split from 150 rows");
        assertEquals(0, new GfeTrainer(TrainingConfig.builder().build()).selectionRuns(60), "an MLP trains once");
        assertTrue(trainer.refitsAfterSelection(60) && trainer.refitsAfterSelection(200));
        assertFalse(trainer.refitsAfterSelection(LinearPlusMlpTrainer.REFIT_BELOW), "the selection run's decoder");
        assertFalse(trainer.refitsAfterSelection(6), "PCA");
        assertFalse(new GfeTrainer(TrainingConfig.builder().build()).refitsAfterSelection(60));
        int[] stages = {0};
        new GfeTrainer(TrainingConfig.forTables().latentDimension(3).epochs(3).build()).train(linearRows(60, 8),
                names(12), new TrainingListener() {
                    @Override
                    public boolean onBatch(TrainingRecord record) {
                        return true;
                    }

                    @Override
                    public void onStage(TrainingStage stage, int epochs, int batchesPerEpoch) {
                        if (stage == TrainingStage.SELECTION) {
                            stages[0]++;
                        }
                    }
                }).model().close();
        assertEquals(trainer.selectionRuns(60), stages[0], "one selection stage per announced run");
    }

    @Test
    void withoutEarlyStoppingEveryFoldRunsAllItsEpochsAndStillComparesWithPca() {
        TrainingResult result = new GfeTrainer(TrainingConfig.forTables().latentDimension(3).epochs(4).patience(-1)
                .build()).train(linearRows(60, 9), names(12), TrainingListener.NONE);
        try (GfeModel model = result.model()) {
            List<EpochRecord> selection = result.epochs().stream()
                    .filter(e -> e.stage() == TrainingStage.SELECTION).toList();
            assertEquals(5, selection.size(), "epochs 0 (PCA) to 4, the mean over the folds");
            assertEquals(0, selection.get(0).epoch());
            assertTrue(Double.isFinite(selection.get(0).validationLoss()), "PCA's validation loss is measured");
        }
    }
}
