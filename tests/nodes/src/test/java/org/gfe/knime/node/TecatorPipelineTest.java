package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.gfe.knime.core.data.PrincipalComponents;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.gfe.knime.testsupport.ZScoreError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knime.core.node.BufferedDataTable;

/**
 * Learner -> Encoder -> Reconstructor on the tecator meat spectra (100 absorbances plus water, fat and protein),
 * trained on 160 rows and judged on the 55 held-out rows: the reconstruction must be far better than the column
 * means. The held-out error is printed next to PCA's with as many components (both in z-score units).
 */
class TecatorPipelineTest {

    private static final int TRAINING_ROWS = 160;
    private static final int EPOCHS = 20;

    private static BufferedDataTable training;
    private static BufferedDataTable heldOut;
    private static SolverSettingsPortObject solver;

    @BeforeAll
    static void data() throws Exception {
        BufferedDataTable all = CsvTables.tecator();
        training = Tables.rows(all, 0, TRAINING_ROWS);
        heldOut = Tables.rows(all, TRAINING_ROWS, Tables.rowCount(all));
        solver = GfeNodes.fastSolver();
    }

    @ParameterizedTest(name = "latent dimension {0}")
    @ValueSource(ints = {2, 5})
    void heldOutRowsAreReconstructedFarBetterThanByColumnMeans(int latentDimension) throws Exception {
        ExecutionResult<GfeLearnerNodeModel> learned =
                GfeNodes.learner(latentDimension, "64", EPOCHS).execute(training, solver);
        assertConfigureToldTheTruth(learned);
        GfeModelPortObject model = learned.port(0, GfeModelPortObject.class);
        assertEquals(latentDimension, model.getSpec().latentDimension());
        assertEquals(EPOCHS, learned.flowVariableInt(GfeLearnerNodeModel.EPOCHS_VARIABLE));
        assertTrue(learned.flowVariableDouble(GfeLearnerNodeModel.TRAINING_LOSS_VARIABLE) > 0);
        assertEquals(EPOCHS * (TRAINING_ROWS / 16), Tables.rowCount(learned.table(1)), "one history row per batch");

        ExecutionResult<GfeEncoderNodeModel> encoded = GfeNodes.encoder().execute(model, heldOut, null);
        assertConfigureToldTheTruth(encoded);
        ExecutionResult<GfeReconstructorNodeModel> decoded =
                GfeNodes.reconstructor().execute(model, encoded.table(0));
        assertConfigureToldTheTruth(decoded);

        String[] columns = Tables.columnNames(training);
        String[] reconstructed = Arrays.stream(columns).map(c -> c + " (reconstructed)").toArray(String[]::new);
        double[][] actual = Tables.toArray(heldOut, columns);
        double[][] predicted = Tables.toArray(decoded.table(0), reconstructed);
        ZScoreError error = new ZScoreError(Tables.toArray(training, columns));
        double gfe = error.of(actual, predicted);
        double means = error.ofColumnMeans(actual);
        double[][] heldOutZ = error.standardise(actual);
        PrincipalComponents pcaModel = PrincipalComponents.fit(error.standardise(Tables.toArray(training, columns)),
                latentDimension);
        double pca = ZScoreError.meanSquared(heldOutZ, pcaModel.reconstruct(heldOutZ));
        System.out.printf(Locale.ROOT, "tecator, %d held-out rows, d = %d: held-out MSE (z-score units) GFE %.4f,"
                + " PCA %.4f, column means %.4f%n", actual.length, latentDimension, gfe, pca, means);
        assertTrue(gfe < 0.1 * means, "GFE's held-out error " + gfe + " is not far below the column means' " + means);
    }

    private static void assertConfigureToldTheTruth(ExecutionResult<?> result) {
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        assertTrue(result.otherSpecDifferences().isEmpty(), result.otherSpecDifferences().toString());
    }
}
