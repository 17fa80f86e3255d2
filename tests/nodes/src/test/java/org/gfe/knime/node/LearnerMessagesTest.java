package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.solver.SolverSettingsNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeFactory.NodeType;

/**
 * What the Learner says about the inputs users really give it: each message names the actual cause and what to do,
 * never prints "null", and warnings survive execute (KNIME clears a node's warning before executing it).
 */
class LearnerMessagesTest {

    @Test
    void anEmptyTableIsCalledEmpty() {
        BufferedDataTable empty = Tables.of(SmallData.COLUMNS, new double[0][]);
        String message = assertFails(() -> GfeNodes.learner(2, "8", 1).execute(empty, GfeNodes.fastSolver()),
                "The input table is empty", "needs rows to train on");
        assertFalse(message.contains("missing"), "an empty table is not about missing cells: " + message);
    }

    @Test
    void rowsAllSkippedForMissingCellsSayWhyAndWhatToChoose() {
        double[][] rows = SmallData.rows(4, 40);
        for (double[] row : rows) {
            row[2] = Double.NaN;
        }
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("missing_values", "SKIP_ROW");
        assertFails(() -> learner.execute(SmallData.table(rows), GfeNodes.fastSolver()), "No row is left to train on",
                "4 row(s) with missing cells were skipped", "'Skip rows with missing cells'",
                "Choose 'Keep the row, leave missing cells out of the loss'");
    }

    @Test
    void oneTrainingRowIsWarnedAbout() throws Exception {
        ExecutionResult<GfeLearnerNodeModel> result = GfeNodes.learner(2, "8", 1).execute(SmallData.table(1, 41),
                GfeNodes.fastSolver());
        assertWarns(result, "Only 1 row is left to train on. A model learned from one row cannot generalise",
                "codes it finds for other rows");
    }

    @Test
    void tooFewRowsForTheLatentDimensionAreWarnedAbout() throws Exception {
        ExecutionResult<GfeLearnerNodeModel> result = GfeNodes.learner(5, "8", 1).execute(SmallData.table(4, 42),
                GfeNodes.fastSolver());
        assertWarns(result, "Only 4 rows are left to train on for a latent dimension of 5",
                "lower the latent dimension");
    }

    @Test
    void aSelectedStringColumnIsNamedWhenLeftOut() throws Exception {
        BufferedDataTable numbers = SmallData.table(30, 43);
        String[][] labels = new String[30][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new String[] {"sample " + i};
        }
        BufferedDataTable table = Tables.join(numbers, Tables.ofStrings(new String[] {"label"}, labels));
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("columns/enforce_option", "EnforceInclusion")
                .setStringArray("columns/included_names", "x1", "x2", "x3", "label");
        learner.configure(table.getDataTableSpec(), null);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(table, GfeNodes.fastSolver());
        assertWarns(result, "The selected column(s) 'label' are not numeric and were left out");
        assertEquals(List.of("x1", "x2", "x3"), result.port(0, GfeModelPortObject.class).getSpec().columnNames());
    }

    @Test
    void onlyStringColumnsSelectedIsAnErrorNamingThem() {
        String[][] labels = {{"a"}, {"b"}};
        BufferedDataTable table = Tables.join(SmallData.table(2, 44), Tables.ofStrings(new String[] {"label"},
                labels));
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("columns/enforce_option", "EnforceInclusion")
                .setStringArray("columns/included_names", "label");
        assertFails(() -> learner.configure(table.getDataTableSpec(), null), "'label' are not numeric",
                "String to Number");
    }

    @Test
    void hugeValuesWithoutNormalisationAreRefusedWithAdvice() {
        double[][] rows = SmallData.rows(30, 45);
        for (double[] row : rows) {
            row[3] = 1e12 * (1 + 0.1 * row[3]);
        }
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("normalisation", "NONE");
        assertFails(() -> learner.execute(SmallData.table(rows), GfeNodes.fastSolver()), "Column(s) 'x4'",
                "reach values of 1.", "e+12", "'None (original units)'", "Choose the normalisation"
                        + " 'z-score (mean 0, sd 1)'");
    }

    @Test
    void largeValuesWithoutNormalisationAreWarnedAbout() throws Exception {
        double[][] rows = SmallData.rows(30, 46);
        for (double[] row : rows) {
            row[0] = 5000 + 100 * row[0];
        }
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("normalisation", "NONE");
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(rows), GfeNodes.fastSolver());
        assertWarns(result, "Column(s) 'x1' reach values of 5,", "slow or unstable",
                "Choose the normalisation 'z-score (mean 0, sd 1)'");
    }

    @Test
    void automaticLossWithMinMaxSaysItChoseCrossEntropyAndWhy() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("loss", "AUTO").setString("normalisation", "MIN_MAX");
        learner.configure(Tables.doubleSpec(SmallData.COLUMNS), null);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(30, 47), GfeNodes.fastSolver());
        String why = "The loss 'Automatic (by the value range)' chose 'Binary cross-entropy' because min-max"
                + " normalisation puts every value in [0, 1].";
        assertWarns(result, why, "'Mean squared error' usually reconstructs better");
        GfeModelPortObject model = result.port(0, GfeModelPortObject.class);
        assertTrue(model.modelSummary().contains(why), model.modelSummary());
        assertTrue(model.modelSummary().contains("Loss: Binary cross-entropy"), model.modelSummary());
    }

    @Test
    void automaticLossOtherwiseIsExplainedInTheSummaryOnly() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "8", 1);
        learner.edit().setString("loss", "AUTO");
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(30, 48), GfeNodes.fastSolver());
        assertTrue(result.port(0, GfeModelPortObject.class).modelSummary().contains("The loss 'Automatic (by the"
                + " value range)' chose 'Mean squared error' because some normalised values lie outside [0, 1]."));
        assertEquals(null, result.warning(), "z-scored measurements with the squared error: nothing to warn about");
    }

    @Test
    void theLatentDimensionWarningSurvivesExecute() throws Exception {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(6, "8", 1);
        learner.configure(Tables.doubleSpec(SmallData.COLUMNS), null);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(SmallData.table(30, 49), GfeNodes.fastSolver());
        assertWarns(result, "The latent dimension (6) is not smaller than the number of training columns (6)");
    }

    @Test
    void constantColumnsMaskedCellsAndMoreColumnsThanRowsAreNotedInOneMessage() throws Exception {
        String[] columns = {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"};
        double[][] rows = new double[5][columns.length];
        for (int m = 0; m < rows.length; m++) {
            for (int p = 0; p < columns.length; p++) {
                rows[m][p] = Math.sin(1.3 * m + 0.7 * p) + 0.1 * p;
            }
            rows[m][4] = 2.5; // constant
        }
        rows[1][2] = Double.NaN;
        rows[3][6] = Double.NaN;
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(1, "8", 1);
        ExecutionResult<GfeLearnerNodeModel> result = learner.execute(Tables.of(columns, rows),
                GfeNodes.fastSolver());
        String warning = assertWarns(result, "2 missing cell(s) in 2 row(s) (5.0 % of the training cells) were left"
                + " out of the loss (masked).", "1 column(s) are constant in the training rows: 'c5'",
                "more columns (8) than training rows (5)");
        assertTrue(warning.startsWith("3 warnings:\n1. "), warning);
    }

    @Test
    void solverSettingsIsTypedOtherNotSource() {
        assertEquals(NodeType.Other, new SolverSettingsNodeFactory().getType(), "it reads no data");
    }

    /** The node's warning after execute holds every part, and no "null". */
    private static String assertWarns(ExecutionResult<?> result, String... parts) {
        String warning = result.warning();
        assertTrue(warning != null, "a warning after execute");
        for (String part : parts) {
            assertTrue(warning.contains(part), "warning lacks \"" + part + "\": " + warning);
        }
        assertFalse(warning.toLowerCase(Locale.ROOT).contains("null"), warning);
        return warning;
    }

    private static String assertFails(Executable action, String... parts) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, action);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks \"" + part + "\": " + e.getMessage());
        }
        assertFalse(e.getMessage().toLowerCase(Locale.ROOT).contains("null"), e.getMessage());
        return e.getMessage();
    }
}
