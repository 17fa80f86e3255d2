package org.gfe.knime.node.reconstructor;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.table.ChunkedCellFactory;
import org.gfe.knime.node.table.NumericRowReader;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;

/**
 * Decodes each row's latent code to the model's columns in original units, a chunk of rows per decoder pass. In
 * {@link Mode#APPEND} the cells are the reconstructions; in {@link Mode#IMPUTE} they are the row's own values of the
 * matching input columns with only the missing ones filled in from the reconstruction.
 */
final class ReconstructionCellFactory extends ChunkedCellFactory {

    /** What the factory's cells are. */
    enum Mode {
        APPEND, IMPUTE
    }

    private final NumericRowReader latents;
    private final GfeModel model;
    private final Mode mode;
    private final int[] outputs;
    private final int[] inputColumns;
    private int missingCodes;

    /**
     * @param table the input table (null for a factory that only describes its columns)
     * @param outputs which of the model's columns the factory writes (indices into the model's columns)
     * @param inputColumns for IMPUTE, the input column index of each written model column (else ignored)
     */
    ReconstructionCellFactory(BufferedDataTable table, int rowsPerChunk, DataColumnSpec[] columns,
            NumericRowReader latents, GfeModel model, Mode mode, int[] outputs, int[] inputColumns) {
        super(table, rowsPerChunk, columns);
        this.latents = latents;
        this.model = model;
        this.mode = mode;
        this.outputs = outputs.clone();
        this.inputColumns = inputColumns.clone();
    }

    @Override
    protected DataCell[][] computeChunk(List<DataRow> rows) {
        List<double[]> codes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] code = read(rows.get(i));
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
        return cells;
    }

    private DataCell[] cells(DataRow row, double[] reconstruction) {
        DataCell[] cells = new DataCell[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            if (mode == Mode.IMPUTE && !row.getCell(inputColumns[j]).isMissing()) {
                cells[j] = new DoubleCell(((DoubleValue) row.getCell(inputColumns[j])).getDoubleValue());
            } else if (reconstruction == null) {
                cells[j] = new MissingCell("the row's latent code is missing");
            } else {
                cells[j] = new DoubleCell(reconstruction[outputs[j]]);
            }
        }
        return cells;
    }

    private double[] read(DataRow row) {
        try {
            return latents.read(row);
        } catch (InvalidSettingsException e) {
            throw new ChunkFailure(e);
        }
    }

    /** Rows whose code had a missing cell (their outputs are missing); counted by the APPEND factory. */
    int missingCodes() {
        return missingCodes;
    }
}
