package org.gfe.knime.node.table;

import java.util.ArrayList;
import java.util.List;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * A whole table read into memory as numeric rows, for training (the trainer needs every row at hand). Rows whose
 * training cells are all missing carry nothing to learn and are always left out; other rows with missing cells are
 * kept masked, skipped or refused according to the {@link MissingCellPolicy}.
 *
 * @param rows the kept rows, NaN = missing cell
 * @param rowKeys the kept rows' keys, in the same order
 * @param skippedWithMissing rows left out by {@link MissingCellPolicy#SKIP_ROW}
 * @param skippedAllMissing rows left out because every training cell was missing
 */
public record TableRows(double[][] rows, List<String> rowKeys, int skippedWithMissing, int skippedAllMissing) {

    /**
     * Reads the table.
     *
     * @throws InvalidSettingsException for a non-finite cell, or a missing cell under {@link MissingCellPolicy#FAIL},
     *             naming its row and column
     * @throws CanceledExecutionException if the user cancelled
     */
    public static TableRows read(BufferedDataTable table, NumericRowReader reader, MissingCellPolicy policy,
            ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        long total = Math.max(1, table.size());
        List<double[]> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int skippedWithMissing = 0;
        int skippedAllMissing = 0;
        long seen = 0;
        try (CloseableRowIterator iterator = table.iterator()) {
            while (iterator.hasNext()) {
                DataRow row = iterator.next();
                exec.checkCanceled();
                exec.setProgress(++seen / (double) total);
                double[] values = reader.read(row);
                int missing = NumericRowReader.firstMissing(values);
                if (missing >= 0 && NumericRowReader.allMissing(values)) {
                    skippedAllMissing++;
                    continue;
                }
                if (missing >= 0 && policy == MissingCellPolicy.FAIL) {
                    throw new InvalidSettingsException("Row '" + row.getKey().getString() + "' has a missing cell in"
                            + " column '" + reader.columnName(missing) + "' and the missing value handling is FAIL."
                            + " Choose MASK or SKIP_ROW, or fill the cell in (e.g. with the Missing Value node).");
                }
                if (missing >= 0 && policy == MissingCellPolicy.SKIP_ROW) {
                    skippedWithMissing++;
                    continue;
                }
                rows.add(values);
                keys.add(row.getKey().getString());
            }
        }
        return new TableRows(rows.toArray(new double[0][]), List.copyOf(keys), skippedWithMissing,
                skippedAllMissing);
    }

    /** A warning about the skipped rows, or null if none was skipped. */
    public String skippedRowsWarning() {
        List<String> parts = new ArrayList<>();
        if (skippedWithMissing > 0) {
            parts.add(skippedWithMissing + " row(s) with missing cells were skipped");
        }
        if (skippedAllMissing > 0) {
            parts.add(skippedAllMissing + " row(s) with all training cells missing were skipped");
        }
        return parts.isEmpty() ? null : String.join("; ", parts) + ".";
    }
}
