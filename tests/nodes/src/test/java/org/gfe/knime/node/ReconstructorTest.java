package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.ProgressEvent;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.reconstructor.GfeReconstructorNodeModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;

/** The Reconstructor: decoded columns in original units, imputation of gaps, missing codes. */
class ReconstructorTest {

    private static GfeModelPortObject model;

    @BeforeAll
    static void train() throws Exception {
        model = GfeNodes.learner(2, "16", 20).execute(SmallData.table(200, 9), GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
    }

    @Test
    void imputationFillsGapsBetterThanTheColumnMeanAndKeepsMeasuredValues() throws Exception {
        double[][] truth = SmallData.rows(40, 10);
        double[][] gappy = new double[truth.length][];
        for (int m = 0; m < truth.length; m++) {
            gappy[m] = truth[m].clone();
            gappy[m][2] = Double.NaN; // x3 = x1 + x2 (plus noise) is unknown for every row
        }
        BufferedDataTable encoded = GfeNodes.encoder().execute(model, SmallData.table(gappy), null).table(0);
        NodeHarness<GfeReconstructorNodeModel> reconstructor = GfeNodes.reconstructor();
        reconstructor.edit().setBoolean("impute_missing", true);
        ExecutionResult<GfeReconstructorNodeModel> result = reconstructor.execute(model, encoded);
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        assertEquals(DoubleCell.TYPE, result.table(0).getDataTableSpec().getColumnSpec("x3").getType());
        double[][] filled = Tables.toArray(result.table(0), SmallData.COLUMNS);
        double imputedError = 0;
        double meanError = 0;
        double mean = Arrays.stream(SmallData.rows(200, 9)).mapToDouble(r -> r[2]).average().orElseThrow();
        for (int m = 0; m < truth.length; m++) {
            for (int p = 0; p < truth[m].length; p++) {
                if (p != 2) {
                    assertEquals(truth[m][p], filled[m][p], 0, "a measured cell changed");
                }
            }
            assertFalse(Double.isNaN(filled[m][2]));
            imputedError += Math.pow(filled[m][2] - truth[m][2], 2);
            meanError += Math.pow(mean - truth[m][2], 2);
        }
        assertTrue(imputedError < 0.5 * meanError, "imputed " + imputedError + " vs column mean " + meanError);
    }

    @Test
    void aMissingCodeGivesMissingReconstructionsAndAWarning() throws Exception {
        double[][] rows = SmallData.rows(3, 11);
        Arrays.fill(rows[1], Double.NaN);
        BufferedDataTable encoded = GfeNodes.encoder().execute(model, SmallData.table(rows), null).table(0);
        ExecutionResult<GfeReconstructorNodeModel> result = GfeNodes.reconstructor().execute(model, encoded);
        double[][] decoded = Tables.toArray(result.table(0), "x1 (reconstructed)", "x6 (reconstructed)");
        assertFalse(Double.isNaN(decoded[0][0]));
        assertTrue(Double.isNaN(decoded[1][0]) && Double.isNaN(decoded[1][1]));
        assertTrue(result.warning().contains("1 row(s) have a missing latent cell"), result.warning());
    }

    @Test
    void eachChunkIsDecodedOnceForTheAppendedAndTheImputedColumns() throws Exception {
        double[][] rows = SmallData.rows(50, 13);
        for (double[] row : rows) {
            row[0] = Double.NaN;
        }
        BufferedDataTable encoded = GfeNodes.encoder().execute(model, SmallData.table(rows), null).table(0);
        NodeHarness<GfeReconstructorNodeModel> reconstructor = GfeNodes.reconstructor();
        reconstructor.edit().setBoolean("impute_missing", true).setInt("rows_per_chunk", 7);
        ExecutionResult<GfeReconstructorNodeModel> result = reconstructor.execute(model, encoded);
        List<String> decodes = result.progress().stream().map(ProgressEvent::message)
                .filter(m -> m != null && m.startsWith("Decoded rows")).distinct().toList();
        assertEquals(List.of("Decoded rows 1 to 7 of 50", "Decoded rows 8 to 14 of 50", "Decoded rows 15 to 21 of 50",
                "Decoded rows 22 to 28 of 50", "Decoded rows 29 to 35 of 50", "Decoded rows 36 to 42 of 50",
                "Decoded rows 43 to 49 of 50", "Decoded rows 50 to 50 of 50"), decodes,
                "one decoder pass per chunk of 7, serving both the filled-in x1 and the appended columns");
        double[][] out = Tables.toArray(result.table(0), "x1", "x1 (reconstructed)");
        for (double[] row : out) {
            assertEquals(row[1], row[0], 0, "the filled-in cell is the reconstruction");
        }
    }

    @Test
    void reconstructedNamesTheTableAlreadyHasGetUniqueVariants() throws Exception {
        BufferedDataTable encoded = GfeNodes.encoder().execute(model, SmallData.table(4, 14), null).table(0);
        NodeHarness<GfeReconstructorNodeModel> reconstructor = GfeNodes.reconstructor();
        reconstructor.edit().setString("column_suffix", "");
        ExecutionResult<GfeReconstructorNodeModel> result = reconstructor.execute(model, encoded);
        assertTrue(result.specMismatches().isEmpty(), result.specMismatches().toString());
        String[] names = Tables.columnNames(result.table(0));
        assertEquals("x1 (#1)", names[8]);
        assertEquals("x6 (#1)", names[13]);
        assertTrue(result.warning().contains("'x1' as 'x1 (#1)'"), result.warning());
    }

    @Test
    void codesAloneAreDecodedIntoPrefixedColumns() throws Exception {
        BufferedDataTable codes = Tables.of(new String[] {"z1", "z2"}, new double[][] {{0, 0}, {0.5, -0.5}});
        NodeHarness<GfeReconstructorNodeModel> reconstructor = GfeNodes.reconstructor();
        reconstructor.edit().setString("column_prefix", "fit ").setString("column_suffix", "");
        ExecutionResult<GfeReconstructorNodeModel> result = reconstructor.execute(model, codes);
        String[] names = Tables.columnNames(result.table(0));
        assertEquals(8, names.length);
        assertEquals("fit x1", names[2]);
        for (double[] row : Tables.toArray(result.table(0))) {
            assertTrue(Arrays.stream(row).allMatch(Double::isFinite));
        }
    }
}
