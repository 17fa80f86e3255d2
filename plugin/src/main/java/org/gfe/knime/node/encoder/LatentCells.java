package org.gfe.knime.node.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gfe.knime.core.encode.EncodedRow;
import org.gfe.knime.core.encode.EncodingCancelledException;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.model.RowError;
import org.gfe.knime.node.exec.Cancellation;
import org.gfe.knime.node.table.ChunkCells;
import org.gfe.knime.node.table.NumericRowReader;
import org.gfe.knime.node.table.RowIdentity;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataType;
import org.knime.core.data.MissingCell;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;

/**
 * The Encoder's new cells for a chunk of rows: each row's latent code (and optionally its loss, steps and
 * convergence, and its reconstruction error), the chunk encoded at once by the core's {@link LatentEncoder} on the
 * threads the node lends it. Used by both the non-streamed and the streamed execution (see {@link ChunkCells}).
 *
 * <p>Whether a row's code depends on its chunk: with the per-row AMD (default), the fixed-grid and Dormand-Prince
 * integrators and the seeded start (a row starts at a code seeded by its row key), a row's code depends only on the
 * row, the model and the solver settings: the table is the same for any chunk size and thread count, streamed or not,
 * in one partition or many. With the reference-faithful AMD ({@code AMD_REFERENCE}) the rows of a solver batch share
 * one step size, as in the paper's code, so a row's code also depends on its batch-mates: the batches are fixed
 * slices of each chunk (the solver's batch size, whatever the thread count), and the streamed operator polls the same
 * chunks from the stream as the non-streamed execute reads from the table, so streamed and non-streamed runs still
 * agree; a different chunk size, or KNIME distributing the table over several partitions (each chunked from its own
 * start), gives other batch-mates and slightly different codes.
 */
final class LatentCells implements ChunkCells {

    private final NumericRowReader reader;
    private final LatentEncoder encoder;
    private final GfeModel model;
    private final int latentDimension;
    private final EncoderMissingPolicy policy;
    private final boolean diagnostics;
    private final boolean convergedAsBoolean;
    private final boolean errors;
    private final ExecutionMonitor exec;
    private final long totalRows;
    private long rowsBefore;
    private int chunkRows;
    private int notConverged;
    private int allMissing;
    private int missingByPolicy;

    /**
     * @param totalRows rows in the whole input, or a negative number if unknown (a stream)
     */
    LatentCells(NumericRowReader reader, LatentEncoder encoder, GfeModel model, EncoderSettings settings,
            ExecutionMonitor exec, long totalRows) throws InvalidSettingsException {
        this.reader = reader;
        this.encoder = encoder;
        this.model = model;
        this.latentDimension = model.latentDimension();
        this.policy = settings.missingPolicy();
        this.diagnostics = settings.diagnostics();
        this.convergedAsBoolean = settings.convergedAsBoolean();
        this.errors = settings.reconstructionError();
        this.exec = exec;
        this.totalRows = totalRows;
    }

    /** The type of the "GFE converged" column: boolean, or int 0/1 for settings of version 1. */
    static DataType convergedType(boolean asBoolean) {
        return asBoolean ? BooleanCell.TYPE : IntCell.TYPE;
    }

    private DataCell convergedCell(boolean converged) {
        return convergedAsBoolean ? BooleanCell.get(converged) : new IntCell(converged ? 1 : 0);
    }

    @Override
    public DataCell[][] compute(List<DataRow> rows) throws InvalidSettingsException, CanceledExecutionException {
        exec.checkCanceled();
        chunkRows = rows.size();
        DataCell[][] cells = new DataCell[rows.size()][];
        List<double[]> toEncode = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Long> identities = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] values = reader.read(rows.get(i));
            if (NumericRowReader.allMissing(values)) {
                allMissing++;
                cells[i] = missingCells("every cell the model uses is missing");
            } else if (policy == EncoderMissingPolicy.MISSING_CODE && NumericRowReader.firstMissing(values) >= 0) {
                missingByPolicy++;
                cells[i] = missingCells("the row has missing cells (missing value handling: missing code)");
            } else {
                toEncode.add(values);
                positions.add(i);
                identities.add(RowIdentity.of(rows.get(i).getKey()));
            }
        }
        double[][] encodeRows = toEncode.toArray(new double[0][]);
        List<EncodedRow> codes = encode(encodeRows, identities);
        RowError[] rowErrors = errors ? errors(encodeRows, codes) : null;
        for (int k = 0; k < codes.size(); k++) {
            cells[positions.get(k)] = cells(codes.get(k), rowErrors == null ? null : rowErrors[k]);
        }
        rowsBefore += rows.size();
        return cells;
    }

    private List<EncodedRow> encode(double[][] rows, List<Long> identities) throws CanceledExecutionException {
        if (rows.length == 0) {
            return List.of();
        }
        long[] ids = identities.stream().mapToLong(Long::longValue).toArray();
        try {
            return encoder.encode(rows, ids, this::onProgress);
        } catch (EncodingCancelledException e) {
            throw new CanceledExecutionException("GFE encoding was cancelled.");
        }
    }

    /** One decoder pass over the chunk's codes, then each row's error against its own cells. */
    private RowError[] errors(double[][] rows, List<EncodedRow> codes) {
        if (rows.length == 0) {
            return new RowError[0];
        }
        double[][] latent = new double[codes.size()][];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = codes.get(k).code();
        }
        return RowError.of(rows, model.reconstruct(latent), model.normalisation());
    }

    private boolean onProgress(double chunkFraction, int rowsDone) {
        double done = rowsBefore + chunkFraction * chunkRows;
        if (totalRows >= 0) {
            double total = Math.max(1, totalRows);
            exec.setProgress(Math.min(1, done / total), () -> String.format(Locale.ROOT, "Encoding row %d of %d",
                    (long) done, totalRows));
        } else {
            exec.setMessage(() -> String.format(Locale.ROOT, "Encoding row %d", (long) done));
        }
        return !Cancellation.requested(exec);
    }

    private int width() {
        return latentDimension + (diagnostics ? 3 : 0) + (errors ? 2 : 0);
    }

    private DataCell[] cells(EncodedRow row, RowError error) {
        DataCell[] cells = new DataCell[width()];
        int c = 0;
        for (int j = 0; j < latentDimension; j++) {
            cells[c++] = new DoubleCell(row.code()[j]);
        }
        if (diagnostics) {
            cells[c++] = new DoubleCell(row.loss());
            cells[c++] = new IntCell(row.steps());
            cells[c++] = convergedCell(row.converged());
        }
        if (errors) {
            cells[c++] = new DoubleCell(error.original());
            cells[c] = new DoubleCell(error.normalised());
        }
        if (!row.converged()) {
            notConverged++;
        }
        return cells;
    }

    private DataCell[] missingCells(String reason) {
        DataCell[] cells = new DataCell[width()];
        for (int j = 0; j < cells.length; j++) {
            cells[j] = new MissingCell(reason);
        }
        return cells;
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
