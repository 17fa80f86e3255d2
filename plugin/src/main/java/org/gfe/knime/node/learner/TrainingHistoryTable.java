package org.gfe.knime.node.learner;

import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.train.TrainingRecord;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.BooleanCell;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;

/**
 * The Learner's second output, ready for KNIME's Line Plot: one row per epoch of each stage (stage, epoch, rows seen,
 * training loss, validation loss, kept, elapsed seconds; settings version 3), or, for settings of versions 1-2, one
 * row per training batch (epoch, batch, rows seen, training loss, validation loss when a validation fraction is set,
 * elapsed seconds) exactly as those versions wrote it.
 */
final class TrainingHistoryTable {

    static final String EPOCH = "Epoch";
    static final String BATCH = "Batch";
    static final String ROWS_SEEN = "Rows seen";
    static final String TRAINING_LOSS = "Training loss";
    static final String VALIDATION_LOSS = "Validation loss";
    static final String SECONDS = "Elapsed seconds";
    static final String STAGE = "Stage";
    static final String KEPT = "Kept";

    private TrainingHistoryTable() {
    }

    /** The table's spec; the validation column only when a validation fraction is set. */
    static DataTableSpec spec(boolean withValidation) {
        List<DataColumnSpec> columns = new ArrayList<>();
        columns.add(column(EPOCH, IntCell.TYPE));
        columns.add(column(BATCH, IntCell.TYPE));
        columns.add(column(ROWS_SEEN, LongCell.TYPE));
        columns.add(column(TRAINING_LOSS, DoubleCell.TYPE));
        if (withValidation) {
            columns.add(column(VALIDATION_LOSS, DoubleCell.TYPE));
        }
        columns.add(column(SECONDS, DoubleCell.TYPE));
        return new DataTableSpec(columns.toArray(new DataColumnSpec[0]));
    }

    /** The per-epoch table's spec (the same whatever the data, so configure knows it). */
    static DataTableSpec epochSpec() {
        return new DataTableSpec(column(STAGE, StringCell.TYPE), column(EPOCH, IntCell.TYPE),
                column(ROWS_SEEN, LongCell.TYPE), column(TRAINING_LOSS, DoubleCell.TYPE),
                column(VALIDATION_LOSS, DoubleCell.TYPE), column(KEPT, BooleanCell.TYPE),
                column(SECONDS, DoubleCell.TYPE));
    }

    /** One row per epoch; losses not measured, rows seen and seconds of a mean over folds are missing cells. */
    static BufferedDataTable create(EpochHistory history, ExecutionContext exec) {
        BufferedDataContainer container = exec.createDataContainer(epochSpec());
        long index = 0;
        for (EpochHistory.Row row : history.rows()) {
            List<DataCell> cells = new ArrayList<>();
            cells.add(new StringCell(row.stageText()));
            cells.add(new IntCell(row.epoch()));
            cells.add(row.rowsSeen() < 0 ? DataType.getMissingCell() : new LongCell(row.rowsSeen()));
            cells.add(number(row.trainingLoss()));
            cells.add(number(row.validationLoss()));
            cells.add(BooleanCell.get(row.kept()));
            cells.add(number(row.seconds()));
            container.addRowToTable(new DefaultRow(RowKey.createRowKey(index++), cells));
        }
        container.close();
        return container.getTable();
    }

    private static DataCell number(double value) {
        return Double.isNaN(value) ? DataType.getMissingCell() : new DoubleCell(value);
    }

    /** The history as a table; a batch without a validation measurement gets a missing validation cell. */
    static BufferedDataTable create(List<TrainingRecord> history, boolean withValidation, ExecutionContext exec) {
        BufferedDataContainer container = exec.createDataContainer(spec(withValidation));
        long index = 0;
        for (TrainingRecord record : history) {
            List<DataCell> cells = new ArrayList<>();
            cells.add(new IntCell(record.epoch() + 1));
            cells.add(new IntCell(record.batch() + 1));
            cells.add(new LongCell(record.rowsSeen()));
            cells.add(new DoubleCell(record.trainingLoss()));
            if (withValidation) {
                cells.add(Double.isNaN(record.validationLoss()) ? DataType.getMissingCell()
                        : new DoubleCell(record.validationLoss()));
            }
            cells.add(new DoubleCell(record.elapsedSeconds()));
            container.addRowToTable(new DefaultRow(RowKey.createRowKey(index++), cells));
        }
        container.close();
        return container.getTable();
    }

    private static DataColumnSpec column(String name, DataType type) {
        return new DataColumnSpecCreator(name, type).createSpec();
    }
}
