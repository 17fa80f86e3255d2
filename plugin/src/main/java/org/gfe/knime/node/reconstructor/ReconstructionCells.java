package org.gfe.knime.node.reconstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.table.ChunkCells;
import org.gfe.knime.node.table.NumericRowReader;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * The Reconstructor's new cells for a chunk of rows, from one decoder pass over the chunk's codes: first the imputed
 * input columns (the row's own value where present, else the reconstruction), then one reconstructed column per
 * model column (original units). Used by both the non-streamed and the streamed execution (see {@link ChunkCells});
 * decoding is row by row in effect (a row's reconstruction depends only on its code), so chunking never changes a
 * cell.
 */
final class ReconstructionCells implements ChunkCells {

    private final NumericRowReader latents;
    private final GfeModel model;
    private final int[] imputedModelColumns;
    private final int[] imputedInputColumns;
    private final ExecutionMonitor exec;
    private final long totalRows;
    private long rowsDone;
    private int missingCodes;

    /**
     * @param imputedModelColumns for each imputed input column, its index among the model's columns
     * @param imputedInputColumns the imputed input columns' indices in the input table (same order)
     * @param totalRows rows of the whole input, negative if unknown (a stream)
     */
    ReconstructionCells(NumericRowReader latents, GfeModel model, int[] imputedModelColumns,
            int[] imputedInputColumns, ExecutionMonitor exec, long totalRows) {
        this.latents = latents;
        this.model = model;
        this.imputedModelColumns = imputedModelColumns.clone();
        this.imputedInputColumns = imputedInputColumns.clone();
        this.exec = exec;
        this.totalRows = totalRows;
    }

    @Override
    public DataCell[][] compute(List<DataRow> rows) throws InvalidSettingsException, CanceledExecutionException {
        exec.checkCanceled();
        List<double[]> codes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] code = latents.read(rows.get(i));
            if (NumericRowReader.firstMissing(code) >= 0) {
                missingCodes++;
            } else {
                codes.add(code);
                positions.add(i);
            }
        }
        double[][] decoded = codes.isEmpty() ? new double[0][] : model.reconstruct(codes.toArray(new double[0][]));
        double[][] reconstructions = new double[rows.size()][];
        for (int k = 0; k < positions.size(); k++) {
            reconstructions[positions.get(k)] = decoded[k];
        }
        DataCell[][] cells = new DataCell[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            cells[i] = cells(rows.get(i), reconstructions[i]);
        }
        long from = rowsDone + 1;
        rowsDone += rows.size();
        long to = rowsDone;
        if (totalRows >= 0) {
            exec.setProgress(Math.min(1, rowsDone / (double) Math.max(1, totalRows)),
                    () -> String.format(Locale.ROOT, "Decoded rows %d to %d of %d", from, to, totalRows));
        } else {
            exec.setMessage(() -> String.format(Locale.ROOT, "Decoded rows %d to %d", from, to));
        }
        return cells;
    }

    private DataCell[] cells(DataRow row, double[] reconstruction) {
        int imputed = imputedInputColumns.length;
        int columns = model.columnCount();
        DataCell[] cells = new DataCell[imputed + columns];
        for (int j = 0; j < imputed; j++) {
            DataCell own = row.getCell(imputedInputColumns[j]);
            if (!own.isMissing()) {
                cells[j] = new DoubleCell(((DoubleValue) own).getDoubleValue());
            } else if (reconstruction == null) {
                cells[j] = new MissingCell("the row's latent code is missing");
            } else {
                cells[j] = new DoubleCell(reconstruction[imputedModelColumns[j]]);
            }
        }
        for (int p = 0; p < columns; p++) {
            cells[imputed + p] = reconstruction == null ? new MissingCell("the row's latent code is missing")
                    : new DoubleCell(reconstruction[p]);
        }
        return cells;
    }

    /** Rows whose code had a missing cell (their outputs are missing). */
    int missingCodes() {
        return missingCodes;
    }
}
