package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.learner.GfeLearnerNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.solver.SolverSettingsNodeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;

/** Every bad input or setting gives an InvalidSettingsException that names what is wrong and how to fix it. */
class BadInputTest {

    private static final String[] ABC = {"a", "b", "c"};

    /** A model of columns a, b, c with latent dimension 3, as the Learner's configure would describe it. */
    private static final GfeModelPortObjectSpec MODEL = new GfeModelPortObjectSpec(3, List.of(ABC),
            List.of(DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE), "MSE", "Z_SCORE", new int[] {8}, "ELU");

    @Test
    void learnerRefusesATableWithoutNumericColumns() {
        BufferedDataTable strings = Tables.ofStrings(new String[] {"name"}, new String[][] {{"x"}, {"y"}});
        assertFails(() -> GfeNodes.learner(2, "4", 1).configure(strings.getDataTableSpec(), null),
                "no numeric column");
    }

    @Test
    void learnerRefusesAnEmptyColumnSelection() {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "4", 1);
        learner.edit().setString("columns/enforce_option", "EnforceInclusion").setStringArray("columns/included_names");
        assertFails(() -> learner.configure(Tables.doubleSpec(ABC), null), "No training column is selected");
    }

    @Test
    void learnerNamesABadHiddenLayerList() {
        assertFails(() -> GfeNodes.learner(2, "16, x", 1).configure(Tables.doubleSpec(ABC), null),
                "'Hidden layer sizes'", "'x'");
    }

    @Test
    void learnerNamesAnUnknownChoiceAndTheAllowedOnes() {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "4", 1);
        learner.edit().setString("loss", "HUBER");
        assertFails(learner::applySettings, "'Loss'", "HUBER", "MSE");
    }

    @Test
    void learnerRefusesTheFullAdjointWithThePerRowSolver() {
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "4", 1);
        learner.edit().setString("training_method", "FULL_ADJOINT");
        assertFails(() -> learner.configure(Tables.doubleSpec(ABC), null), "'Full adjoint (exact gradient through the flow)' method",
                "'Adaptive (AMD), per row' gives every row its own time grid");
    }

    @Test
    void learnerWithFailPolicyNamesTheRowAndColumnOfAMissingCell() {
        BufferedDataTable table = Tables.of(ABC, new double[][] {{1, 2, 3}, {4, Double.NaN, 6}},
                new String[] {"first", "second"});
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "4", 1);
        learner.edit().setString("missing_values", "FAIL");
        assertFails(() -> learner.execute(table, null), "'second'", "'b'", "'Fail on a missing cell'",
                "Choose 'Keep the row, leave missing cells out of the loss' or 'Skip rows with missing cells'");
    }

    @Test
    void learnerNamesTheRowAndColumnOfANotANumberCell() {
        BufferedDataTable table = doubles(new double[] {1, 2, 3}, new double[] {4, 5, Double.NaN});
        assertFails(() -> GfeNodes.learner(2, "4", 1).execute(table, null), "'r1'", "'c'", "NaN");
    }

    @Test
    void learnerNamesTheRowKeyOfAValueTheLossCannotTake() {
        BufferedDataTable table = doubles(new double[] {0.1, 0.2, 0.3}, new double[] {0.4, 5, 0.6});
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(2, "4", 1);
        learner.edit().setString("loss", "BCE").setString("normalisation", "NONE");
        assertFails(() -> learner.execute(table, null), "row 'r1'", "'b'", "The 'Binary cross-entropy' loss",
                "Choose 'min-max (to [0, 1])' normalisation, or the 'Mean squared error' loss");
    }

    @Test
    void encoderNamesTheModelColumnsMissingFromItsInput() {
        DataTableSpec input = Tables.doubleSpec("a", "other");
        assertFails(() -> GfeNodes.encoder().configure(MODEL, input, null), "'b'", "'c'", "lacks 2 of 3");
    }

    @Test
    void encoderNamesAModelColumnThatIsNotNumeric() {
        DataTableSpec input = Tables.spec(ABC, new DataType[] {DoubleCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});
        assertFails(() -> GfeNodes.encoder().configure(MODEL, input, null), "not numeric", "b");
    }

    @Test
    void encoderNamesTheRowAndColumnOfAnInfiniteCell() throws Exception {
        BufferedDataTable table = doubles(new double[] {1, Double.POSITIVE_INFINITY, 3});
        assertFails(() -> GfeNodes.encoder().execute(trainedModelOfAbc(), table, null), "'r0'", "'b'", "Infinity");
    }

    @Test
    void reconstructorNamesWrongNumberOfLatentColumns() {
        DataTableSpec codes = Tables.doubleSpec("z1", "z2");
        assertFails(() -> GfeNodes.reconstructor().configure(MODEL, codes), "latent dimension 3", "missing: 'z3'");
    }

    @Test
    void reconstructorNamesLatentColumnsTheModelDoesNotHave() {
        DataTableSpec codes = Tables.doubleSpec("z1", "z2", "z3", "z4");
        assertFails(() -> GfeNodes.reconstructor().configure(MODEL, codes), "not in the model: 'z4'");
    }

    @Test
    void reconstructorNamesANonNumericLatentColumn() {
        DataTableSpec codes = Tables.spec(new String[] {"z1", "z2", "z3"},
                new DataType[] {DoubleCell.TYPE, StringCell.TYPE, DoubleCell.TYPE});
        assertFails(() -> GfeNodes.reconstructor().configure(MODEL, codes), "'z2'", "not numeric");
    }

    @Test
    void solverSettingsRefuseEulerForTheSecondOrderFlow() {
        NodeHarness<SolverSettingsNodeModel> solver = GfeNodes.solver();
        solver.edit().setString("flow_order", "SECOND").setString("integrator", "EULER");
        assertFails(solver::applySettings, "'Euler, fixed steps'", "'Second order (with momentum)'");
    }

    @Test
    void solverSettingsNameAnOutOfRangeValue() {
        NodeHarness<SolverSettingsNodeModel> solver = GfeNodes.solver();
        solver.edit().setDouble("shrink_factor", 1.5);
        assertFails(solver::applySettings, "Shrink factor rho", "1.5");
    }

    /** A table of columns a, b, c with row keys r0, r1, ... (NaN stays a number: not a missing cell). */
    private static BufferedDataTable doubles(double[]... rows) {
        List<DataCell[]> cells = new ArrayList<>();
        String[] keys = new String[rows.length];
        for (int m = 0; m < rows.length; m++) {
            DataCell[] row = new DataCell[rows[m].length];
            for (int p = 0; p < row.length; p++) {
                row[p] = new DoubleCell(rows[m][p]);
            }
            cells.add(row);
            keys[m] = "r" + m;
        }
        return Tables.of(Tables.doubleSpec(ABC), cells, keys);
    }

    private static GfeModelPortObject trainedModelOfAbc() throws Exception {
        double[][] rows = new double[20][];
        for (int m = 0; m < rows.length; m++) {
            rows[m] = new double[] {m, 2 * m + 1, Math.sin(m)};
        }
        NodeHarness<GfeLearnerNodeModel> learner = GfeNodes.learner(1, "4", 1);
        return learner.execute(Tables.of(ABC, rows), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
    }

    private static void assertFails(Executable action, String... expectedParts) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, action);
        for (String part : expectedParts) {
            assertTrue(e.getMessage().contains(part), "message lacks \"" + part + "\": " + e.getMessage());
        }
    }
}
