package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.settings.VersionedSettings;
import org.gfe.knime.node.solver.SolverSettingsNodeModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;

/** The Encoder: codes that depend only on the row, diagnostics, missing cells, pass-through columns. */
class EncoderTest {

    private static final String[] CODES = {"z1", "z2"};

    private static GfeModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        model = GfeNodes.learner(2, "16", 5).execute(SmallData.table(100, 3), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
    }

    @Test
    void aRowsCodeDependsNeitherOnTheChunkNorOnTheOtherRows() throws Exception {
        BufferedDataTable table = SmallData.table(50, 4);
        double[][] whole = encode(GfeNodes.encoder(), table);
        NodeHarness<GfeEncoderNodeModel> smallChunks = GfeNodes.encoder();
        smallChunks.edit().setInt("rows_per_chunk", 7);
        double[][] chunked = encode(smallChunks, table);
        double[][] part = encode(GfeNodes.encoder(), Tables.rows(table, 20, 30));
        for (int m = 0; m < whole.length; m++) {
            assertArrayEquals(whole[m], chunked[m], 0, "row " + m + " in chunks of 7");
        }
        for (int m = 0; m < part.length; m++) {
            assertArrayEquals(whole[20 + m], part[m], 0, "row " + (20 + m) + " encoded alone with its neighbours");
        }
    }

    @Test
    void inputColumnsPassThroughAndDiagnosticsAreAppended() throws Exception {
        BufferedDataTable table = SmallData.table(20, 5);
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("diagnostics", true).setString("latent_prefix", "code ");
        ExecutionResult<GfeEncoderNodeModel> result = encoder.execute(model, table, null);
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        BufferedDataTable out = result.table(0);
        DataTableSpec spec = out.getDataTableSpec();
        assertArrayEquals(new String[] {"x1", "x2", "x3", "x4", "x5", "x6", "code 1", "code 2", "GFE loss",
            "GFE steps", "GFE converged"}, spec.getColumnNames());
        assertEquals(DoubleCell.TYPE, spec.getColumnSpec("GFE loss").getType());
        assertEquals(BooleanCell.TYPE, spec.getColumnSpec("GFE converged").getType());
        double[][] input = Tables.toArray(table);
        double[][] passed = Tables.toArray(out, SmallData.COLUMNS);
        for (int m = 0; m < input.length; m++) {
            assertArrayEquals(input[m], passed[m], 0);
        }
        for (double[] row : Tables.toArray(out, "GFE loss", "GFE steps", "GFE converged")) {
            assertTrue(row[0] >= 0 && Double.isFinite(row[0]), "loss " + row[0]);
            assertTrue(row[1] >= 1, "steps " + row[1]);
            assertTrue(row[2] == 0 || row[2] == 1, "converged " + row[2]);
        }
    }

    @Test
    void missingCellsAreMaskedByDefaultAndAllMissingRowsGetMissingCodes() throws Exception {
        double[][] rows = SmallData.rows(3, 6);
        rows[1][2] = Double.NaN;
        Arrays.fill(rows[2], Double.NaN);
        ExecutionResult<GfeEncoderNodeModel> result = GfeNodes.encoder().execute(model, SmallData.table(rows), null);
        double[][] codes = Tables.toArray(result.table(0), CODES);
        assertFalse(Double.isNaN(codes[0][0]));
        assertFalse(Double.isNaN(codes[1][0]), "a row with one missing cell is encoded from the others");
        assertTrue(Double.isNaN(codes[2][0]) && Double.isNaN(codes[2][1]), "an empty row has no code");
        assertTrue(result.warning() != null && result.warning().contains("1 row(s) have every model column missing"),
                String.valueOf(result.warning()));
    }

    @Test
    void missingCodePolicyGivesRowsWithGapsMissingCodes() throws Exception {
        double[][] rows = SmallData.rows(2, 7);
        rows[1][0] = Double.NaN;
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setString("missing_values", "MISSING_CODE");
        ExecutionResult<GfeEncoderNodeModel> result = encoder.execute(model, SmallData.table(rows), null);
        double[][] codes = Tables.toArray(result.table(0), CODES);
        assertFalse(Double.isNaN(codes[0][0]));
        assertTrue(Double.isNaN(codes[1][0]));
        assertTrue(result.warning().contains("1 row(s) with missing cells got missing codes"), result.warning());
    }

    @Test
    void aConnectedSolverOverridesTheModelsOwn() throws Exception {
        BufferedDataTable table = SmallData.table(10, 8);
        NodeHarness<SolverSettingsNodeModel> solver = GfeNodes.solver();
        solver.edit().setDouble("tau", GfeNodes.FAST_TAU).setString("z0", "ZEROS");
        double[][] own = encode(GfeNodes.encoder(), table);
        double[][] zeros = Tables.toArray(GfeNodes.encoder().execute(model, table,
                solver.execute().port(0)).table(0), CODES);
        boolean differs = false;
        for (int m = 0; m < own.length; m++) {
            differs |= own[m][0] != zeros[m][0];
        }
        assertTrue(differs, "starting at zero instead of a seeded point changes the codes");
    }

    @Test
    void namesTheTableAlreadyHasGetUniqueVariantsWithAWarning() throws Exception {
        double[][] rows = SmallData.rows(6, 12);
        BufferedDataTable table = Tables.join(SmallData.table(rows),
                Tables.of(new String[] {"z2", "GFE loss"}, new double[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}, {1, 2},
                    {1, 2}}));
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("diagnostics", true);
        ExecutionResult<GfeEncoderNodeModel> result = encoder.execute(model, table, null);
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        String[] names = Tables.columnNames(result.table(0));
        assertArrayEquals(new String[] {"z1", "z2 (#1)", "GFE loss (#1)", "GFE steps", "GFE converged"},
                Arrays.copyOfRange(names, 8, names.length));
        assertArrayEquals(new double[] {1, 2}, Tables.toArray(result.table(0), "z2", "GFE loss")[0], 0,
                "the input's own columns are kept");
        assertTrue(result.warning().contains("'z2' as 'z2 (#1)'") && result.warning().contains("'GFE loss' as"),
                result.warning());
    }

    @Test
    void convergedIsBooleanAndWorkflowsOfSettingsVersion1KeepTheirIntColumn() throws Exception {
        BufferedDataTable table = SmallData.table(8, 15);
        NodeHarness<GfeEncoderNodeModel> current = GfeNodes.encoder();
        current.edit().setBoolean("diagnostics", true);
        BufferedDataTable now = current.execute(model, table, null).table(0);
        assertEquals(BooleanCell.TYPE, now.getDataTableSpec().getColumnSpec("GFE converged").getType());

        NodeHarness<GfeEncoderNodeModel> older = GfeNodes.encoder();
        older.edit().setBoolean("diagnostics", true).setInt(VersionedSettings.VERSION_KEY, 1)
                .remove("converged_as_boolean").remove("reconstruction_error");
        ExecutionResult<GfeEncoderNodeModel> before = older.execute(model, table, null);
        assertTrue(before.specMismatches().isEmpty(), before.specMismatches().toString());
        assertEquals(IntCell.TYPE, before.table(0).getDataTableSpec().getColumnSpec("GFE converged").getType());
        assertArrayEquals(Tables.column(now, "GFE converged"), Tables.column(before.table(0), "GFE converged"), 0,
                "1 for true, 0 for false");

        // saved again (now with the current settings version), the workflow still writes its int column
        older.applySettings();
        NodeHarness<GfeEncoderNodeModel> reloaded = GfeNodes.encoder().withSettings(older.savedSettings());
        assertEquals(IntCell.TYPE, reloaded.execute(model, table, null).table(0).getDataTableSpec()
                .getColumnSpec("GFE converged").getType());
    }

    private static double[][] encode(NodeHarness<GfeEncoderNodeModel> encoder, BufferedDataTable table)
            throws Exception {
        return Tables.toArray(encoder.execute(model, table, null).table(0), CODES);
    }
}
