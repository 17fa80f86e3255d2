package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.gfe.knime.harness.CsvTables;
import org.gfe.knime.harness.ExecutionResult;
import org.gfe.knime.harness.NodeHarness;
import org.gfe.knime.harness.Tables;
import org.gfe.knime.node.encoder.GfeEncoderNodeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;

/**
 * The Encoder's per-row reconstruction error: its definition (mean squared difference over the row's present cells,
 * in original and in the model's normalised units) and what it is for: on the tecator spectra, held-out rows with an
 * injected baseline shift stand out as the rows with the largest error.
 */
class RowErrorTest {

    private static final String ERROR = "GFE error (original units)";
    private static final String NORMALISED = "GFE error (normalised units)";

    @Test
    void theErrorIsTheMeanSquaredDifferenceToTheReconstructionOverPresentCells() throws Exception {
        BufferedDataTable training = SmallData.table(150, 21);
        GfeModelPortObject model = GfeNodes.learner(2, "16", 5).execute(training, GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);
        double[][] rows = SmallData.rows(12, 22);
        rows[3][1] = Double.NaN;
        Arrays.fill(rows[5], Double.NaN);
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("reconstruction_error", true);
        ExecutionResult<GfeEncoderNodeModel> encoded = encoder.execute(model, SmallData.table(rows), null);
        assertTrue(encoded.specMismatches().isEmpty(), encoded.specMismatches().toString());
        BufferedDataTable decoded = GfeNodes.reconstructor().execute(model, encoded.table(0)).table(0);
        double[][] reconstructed = Tables.toArray(decoded,
                Arrays.stream(SmallData.COLUMNS).map(c -> c + " (reconstructed)").toArray(String[]::new));
        double[][] errors = Tables.toArray(encoded.table(0), ERROR, NORMALISED);
        double[][] trainingRows = Tables.toArray(training);
        for (int m = 0; m < rows.length; m++) {
            if (m == 5) {
                assertTrue(Double.isNaN(errors[m][0]) && Double.isNaN(errors[m][1]), "a row without code has none");
                continue;
            }
            double original = 0;
            double normalised = 0;
            int present = 0;
            for (int p = 0; p < rows[m].length; p++) {
                if (!Double.isNaN(rows[m][p])) {
                    double difference = rows[m][p] - reconstructed[m][p];
                    double sd = standardDeviation(trainingRows, p);
                    original += difference * difference;
                    normalised += difference * difference / (sd * sd);
                    present++;
                }
            }
            assertEquals(original / present, errors[m][0], 1e-9 * (1 + original), "row " + m);
            assertEquals(normalised / present, errors[m][1], 1e-9 * (1 + normalised), "row " + m);
        }
    }

    /**
     * Train on 160 tecator rows; among the 55 held-out rows, give 5 a baseline shift that grows linearly along the
     * spectrum, from 0 at the first wavelength to 1 absorbance unit (about two column standard deviations) at the
     * last, as a drifting lamp or a fouling window does; those 5 get the 5 largest normalised errors. (A uniform
     * offset of the whole spectrum is, for NIR spectra of meat, largely natural variation that the model has
     * learned, light scatter: tried, an offset of 0.6 is absorbed by the codes, 1.5 stands out only narrowly.)
     */
    @Test
    void heldOutTecatorRowsWithABaselineShiftHaveTheLargestErrors() throws Exception {
        BufferedDataTable all = CsvTables.tecator();
        BufferedDataTable training = Tables.rows(all, 0, 160);
        BufferedDataTable heldOut = Tables.rows(all, 160, Tables.rowCount(all));
        GfeModelPortObject model = GfeNodes.learner(5, "64", 20).execute(training, GfeNodes.fastSolver())
                .port(0, GfeModelPortObject.class);

        String[] columns = Tables.columnNames(all);
        double[][] rows = Tables.toArray(heldOut, columns);
        Set<Integer> shifted = new TreeSet<>(List.of(4, 13, 27, 38, 51));
        for (int m : shifted) {
            for (int p = 0; p < columns.length; p++) {
                if (columns[p].matches("A\\d{3}")) {
                    int wavelength = Integer.parseInt(columns[p].substring(1)) - 1; // 0 .. 99
                    rows[m][p] += 1.0 * wavelength / 99;
                }
            }
        }
        NodeHarness<GfeEncoderNodeModel> encoder = GfeNodes.encoder();
        encoder.edit().setBoolean("reconstruction_error", true);
        BufferedDataTable out = encoder.execute(model, Tables.of(columns, rows, Tables.rowKeys(heldOut)), null)
                .table(0);
        double[] error = Tables.column(out, NORMALISED);
        Integer[] order = IntStream.range(0, error.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer m) -> error[m]).reversed());
        List<String> top = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            top.add(String.format(Locale.ROOT, "%d%s %.3f", order[k], shifted.contains(order[k]) ? "*" : "",
                    error[order[k]]));
        }
        System.out.println("tecator held-out rows by normalised error (* = baseline shift): " + top);
        assertEquals(shifted, new TreeSet<>(Arrays.asList(order).subList(0, shifted.size())), top.toString());
        assertTrue(error[order[4]] > 2 * error[order[5]], "the shifted rows stand out clearly: " + top);
    }

    private static double standardDeviation(double[][] rows, int column) {
        double mean = Arrays.stream(rows).mapToDouble(r -> r[column]).average().orElseThrow();
        double squares = Arrays.stream(rows).mapToDouble(r -> (r[column] - mean) * (r[column] - mean)).sum();
        return Math.sqrt(squares / rows.length);
    }
}
