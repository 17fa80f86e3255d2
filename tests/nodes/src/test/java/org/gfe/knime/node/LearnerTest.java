package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObjectSpec;

/** The Learner's outputs besides the model's quality: history, validation, variables, warnings, loss choice. */
class LearnerTest {

    @Test
    void validationFractionAddsAValidationColumnAndVariableToThePerBatchHistory() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 2);
        learner.edit().setDouble("validation_fraction", 0.2).setString("history_rows", "PER_BATCH");
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(50, 12), GfeNodes.fastSolver());
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        BufferedDataTable history = result.table(1);
        assertArrayEquals(new String[] {"Epoch", "Batch", "Rows seen", "Training loss", "Validation loss",
            "Elapsed seconds"}, Tables.columnNames(history));
        double[][] values = Tables.toArray(history, "Epoch", "Rows seen", "Validation loss");
        assertEquals(2 * 3, values.length, "40 training rows in batches of 16: 3 batches per epoch");
        assertEquals(40, values[2][1], "rows seen after the first epoch");
        assertTrue(Double.isNaN(values[0][2]), "validated at the end of each epoch only");
        assertTrue(Double.isFinite(values[2][2]) && Double.isFinite(values[5][2]));
        assertEquals(values[5][2], result.flowVariableDouble(GfeLearnerNodeModel.VALIDATION_LOSS_VARIABLE));
    }

    @Test
    void skippedRowsAreCountedInAWarning() throws Exception {
        double[][] rows = SmallData.rows(30, 13);
        rows[3][1] = Double.NaN;
        rows[7][4] = Double.NaN;
        Arrays.fill(rows[9], Double.NaN);
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("missing_values", "SKIP_ROW");
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(rows), GfeNodes.fastSolver());
        assertTrue(result.warning().contains("2 row(s) with missing cells were skipped"), result.warning());
        assertTrue(result.warning().contains("1 row(s) with all training cells missing"), result.warning());
        assertEquals(27, result.port(0, GfeModelPortObject.class).outcome().trainingRows());
    }

    @Test
    void autoLossIsResolvedByTraining() throws Exception {
        double[][] unit = SmallData.rows(30, 14);
        for (double[] row : unit) {
            for (int p = 0; p < row.length; p++) {
                row[p] = 1 / (1 + Math.exp(-row[p]));
            }
        }
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("loss", "AUTO").setString("normalisation", "NONE");
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(unit), GfeNodes.fastSolver());
        assertEquals("AUTO", ((GfeModelPortObjectSpec) result.configuredSpec(0)).loss(), "unknown before training");
        assertEquals("BCE", result.port(0, GfeModelPortObject.class).getSpec().loss(), "values in [0, 1]");
    }

    @Test
    void aLatentDimensionAsLargeAsTheColumnsIsWarnedAbout() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(6, "8", 1);
        DataTableSpec spec = Tables.doubleSpec(SmallData.COLUMNS);
        PortObjectSpec[] specs = learner.configure(spec, null);
        assertEquals(6, ((GfeModelPortObjectSpec) specs[0]).latentDimension());
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(20, 15), GfeNodes.fastSolver());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("not smaller than the number of training"
                + " columns")), result.warnings().toString());
    }

    @Test
    void onlySelectedColumnsAreLearned() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(1, "8", 1);
        learner.edit().setString("columns/enforce_option", "EnforceInclusion")
                .setStringArray("columns/included_names", "x2", "x5");
        PortObjectSpec[] specs = learner.configure(Tables.doubleSpec(SmallData.COLUMNS), null);
        assertEquals(java.util.List.of("x2", "x5"), ((GfeModelPortObjectSpec) specs[0]).columnNames());
    }
}
