package org.gfe.knime.node.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingCancelledException;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.node.exec.Cancellation;
import org.gfe.knime.node.table.ChunkedCellFactory;
import org.gfe.knime.node.table.NumericRowReader;
import org.gfe.knime.node.table.RowIdentity;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.MissingCell;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * Appends each row's latent code (and optionally its loss, steps and convergence), encoding a chunk of rows at a
 * time with the core's {@link LatentEncoder} (which spreads a chunk's solver batches over the processors). A row
 * starts its flow at a code seeded by its row key, so its code does not depend on the chunk it falls in.
 */
final class LatentCellFactory extends ChunkedCellFactory {

    private final NumericRowReader reader;
    private final LatentEncoder encoder;
    private final int latentDimension;
    private final EncoderMissingPolicy policy;
    private final boolean diagnostics;
    private final ExecutionMonitor exec;
    private final double totalRows;
    private long rowsBefore;
    private int chunkRows;
    private int notConverged;
    private int allMissing;
    private int missingByPolicy;

    /**
     * @param table the input table (null for a factory that only describes the columns)
     * @param encoder the encoder (null with a null table)
     */
    LatentCellFactory(BufferedDataTable table, int rowsPerChunk, DataColumnSpec[] columns, NumericRowReader reader,
            LatentEncoder encoder, int latentDimension, EncoderMissingPolicy policy, boolean diagnostics,
            ExecutionMonitor exec) {
        super(table, rowsPerChunk, columns);
        this.reader = reader;
        this.encoder = encoder;
        this.latentDimension = latentDimension;
        this.policy = policy;
        this.diagnostics = diagnostics;
        this.exec = exec;
        this.totalRows = table == null ? 1 : Math.max(1, table.size());
    }

    @Override
    protected DataCell[][] computeChunk(List<DataRow> rows) {
        chunkRows = rows.size();
        DataCell[][] cells = new DataCell[rows.size()][];
        List<double[]> toEncode = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Long> identities = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] values = read(rows.get(i));
            if (NumericRowReader.allMissing(values)) {
                allMissing++;
                cells[i] = missingCells("every cell the model uses is missing");
            } else if (policy == EncoderMissingPolicy.MISSING_CODE && NumericRowReader.firstMissing(values) >= 0) {
                missingByPolicy++;
                cells[i] = missingCells("the row has missing cells (missing value handling MISSING_CODE)");
            } else {
                toEncode.add(values);
                positions.add(i);
                identities.add(RowIdentity.of(rows.get(i).getKey()));
            }
        }
        List<EncodedRow> codes = encode(toEncode, identities);
        for (int k = 0; k < codes.size(); k++) {
            cells[positions.get(k)] = cells(codes.get(k));
        }
        rowsBefore += rows.size();
        return cells;
    }

    private double[] read(DataRow row) {
        try {
            return reader.read(row);
        } catch (InvalidSettingsException e) {
            throw new ChunkFailure(e);
        }
    }

    private List<EncodedRow> encode(List<double[]> rows, List<Long> identities) {
        if (rows.isEmpty()) {
            return List.of();
        }
        long[] ids = identities.stream().mapToLong(Long::longValue).toArray();
        try {
            return encoder.encode(rows.toArray(new double[0][]), ids, this::onProgress);
        } catch (EncodingCancelledException e) {
            throw new ChunkFailure(new CanceledExecutionException("GFE encoding was cancelled."));
        }
    }

    private boolean onProgress(double chunkFraction, int rowsDone) {
        double done = rowsBefore + chunkFraction * chunkRows;
        exec.setProgress(Math.min(1, done / totalRows), () -> String.format(Locale.ROOT, "Encoding row %d of %d",
                (long) done, (long) totalRows));
        return !Cancellation.requested(exec);
    }

    private DataCell[] cells(EncodedRow row) {
        DataCell[] cells = new DataCell[latentDimension + (diagnostics ? 3 : 0)];
        for (int j = 0; j < latentDimension; j++) {
            cells[j] = new DoubleCell(row.code()[j]);
        }
        if (diagnostics) {
            cells[latentDimension] = new DoubleCell(row.loss());
            cells[latentDimension + 1] = new IntCell(row.steps());
            cells[latentDimension + 2] = new IntCell(row.converged() ? 1 : 0);
        }
        if (!row.converged()) {
            notConverged++;
        }
        return cells;
    }

    private DataCell[] missingCells(String reason) {
        DataCell[] cells = new DataCell[latentDimension + (diagnostics ? 3 : 0)];
        for (int j = 0; j < cells.length; j++) {
            cells[j] = new MissingCell(reason);
        }
        return cells;
    }

    @Override
    public void setProgress(long curRowNr, long rowCount, RowKey lastKey, ExecutionMonitor monitor) {
        // progress is reported while each chunk encodes (see onProgress), finer than per row served
    }

    @Override
    public void setProgress(int curRowNr, int rowCount, RowKey lastKey, ExecutionMonitor monitor) {
        // as above
    }

    int notConverged() {
        return notConverged;
    }

    int allMissing() {
        return allMissing;
    }

    int missingByPolicy() {
        return missingByPolicy;
    }
}
