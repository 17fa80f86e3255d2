package org.gfe.knime.node.learner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.loss.LossKind;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.train.GfeTrainer;
import org.gfe.knime.core.train.StopReason;
import org.gfe.knime.core.train.TrainingCancelledException;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingResult;
import org.gfe.knime.node.exec.EngineStart;
import org.gfe.knime.node.exec.NodeThreads;
import org.gfe.knime.node.learner.LearnerChoices.HistoryRows;
import org.gfe.knime.node.learner.LearnerSettings.ColumnSelection;
import org.gfe.knime.node.learner.LearningCurve.Status;
import org.gfe.knime.node.message.Warnings;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObjectSpec;
import org.gfe.knime.node.port.SolverStartCheck;
import org.gfe.knime.node.port.TrainingOutcome;
import org.gfe.knime.node.settings.GfeChoices;
import org.gfe.knime.node.table.MissingCellPolicy;
import org.gfe.knime.node.table.NumericColumns;
import org.gfe.knime.node.table.NumericRowReader;
import org.gfe.knime.node.table.TableRows;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * The GFE Learner: reads the selected numeric columns, trains a decoder by gradient flow encoding and outputs the
 * model and its training history. All the work is the core's {@link GfeTrainer}; this class translates table,
 * settings, progress, cancel, warnings and flow variables, checks the rows before training
 * ({@link TrainingDataCheck}: one message naming every issue), and keeps the training for its view
 * ({@link TrainingMonitor}: live curve, "stop and keep model"; the finished curve is saved in the internals).
 */
public final class GfeLearnerNodeModel extends NodeModel {

    /** Flow variable: the kept epoch's training loss (mean over its batches); NaN if it trained none. */
    public static final String TRAINING_LOSS_VARIABLE = "gfe_training_loss";
    /** Flow variable: the kept model's validation loss; NaN if none was measured. */
    public static final String VALIDATION_LOSS_VARIABLE = "gfe_validation_loss";
    /** Flow variable: epochs run by the training that made the model (the final fit of a linear + MLP decoder). */
    public static final String EPOCHS_VARIABLE = "gfe_epochs";
    /** Flow variable: why training ended, e.g. "early stopping", "all epochs", "stopped by the user". */
    public static final String STOP_REASON_VARIABLE = "gfe_stop_reason";
    /** Flow variable: the epoch whose decoder the model holds (0 = as initialised, e.g. PCA). */
    public static final String KEPT_EPOCH_VARIABLE = "gfe_kept_epoch";

    private static final double READING_SHARE = 0.05;
    private static final Pattern ROW_INDEX = Pattern.compile("\\b([Rr]ow) (\\d{1,9})\\b");

    private static final String CURVE_FILE = "learning-curve.bin";

    private final LearnerSettings settings = new LearnerSettings();
    private final TrainingMonitor monitor = new TrainingMonitor();

    GfeLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, SolverSettingsPortObject.TYPE_OPTIONAL},
                new PortType[] {GfeModelPortObject.TYPE, BufferedDataTable.TYPE});
    }

    /** The training as the views see it. */
    TrainingMonitor monitor() {
        return monitor;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec table = ModelSpecCheck.tableSpec(inSpecs[0]);
        ColumnSelection selection = settings.columnSelection(table);
        SolverSettings portSolver = solver(inSpecs[1]);
        TrainingConfig config = settings.toTrainingConfig(portSolver);
        SolverStartCheck.requireLinearPart(portSolver, config.decoderKind(), LEARNER_DECODER, true);
        settings.missingCellPolicy();
        setWarningMessage(settingsWarnings(selection, config).message());
        pushVariables(Double.NaN, Double.NaN, 0, "", 0);
        return new PortObjectSpec[] {modelSpec(table, selection.columns(), config, configuredLoss(config)),
            historySpec()};
    }

    private static final String LEARNER_DECODER = "the Learner's decoder";

    /** The loss the model spec names before training: the linear + MLP decoder always trains with MSE. */
    private static String configuredLoss(TrainingConfig config) {
        return config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP && config.loss() == LossKind.AUTO
                ? LossKind.MSE.name() : config.loss().name();
    }

    private DataTableSpec historySpec() throws InvalidSettingsException {
        return settings.historyRows() == HistoryRows.PER_EPOCH ? TrainingHistoryTable.epochSpec()
                : TrainingHistoryTable.spec(settings.validates());
    }

    /**
     * What the settings and the input's spec already tell: selected columns left out, a latent dimension that does
     * not compress, the loss 'Automatic' with min-max normalisation. Shown at configure, and again in execute
     * (KNIME clears the warning before executing).
     */
    private static Warnings settingsWarnings(ColumnSelection selection, TrainingConfig config) {
        Warnings warnings = new Warnings();
        if (!selection.notNumeric().isEmpty()) {
            warnings.add("The selected column(s) " + NumericColumns.list(selection.notNumeric()) + " are not numeric"
                    + " and were left out: GFE learns from numbers only. Convert them (e.g. with String to Number)"
                    + " to learn from them.");
        }
        if (!selection.absent().isEmpty()) {
            warnings.add("The selected column(s) " + NumericColumns.list(selection.absent()) + " are not in the"
                    + " input table and were left out.");
        }
        int columns = selection.columns().size();
        if (config.latentDimension() >= columns) {
            warnings.add("The latent dimension (" + config.latentDimension() + ") is not smaller than the number of"
                    + " training columns (" + columns + "), so the codes do not compress the rows. Lower the latent"
                    + " dimension.");
        }
        warnings.add(TrainingDataCheck.automaticLossWithMinMax(config));
        return warnings;
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable) inObjects[0];
        DataTableSpec spec = table.getDataTableSpec();
        SolverSettings portSolver = inObjects[1] instanceof SolverSettingsPortObject port ? port.settings() : null;
        ColumnSelection selection = settings.columnSelection(spec);
        List<String> columns = selection.columns();
        TrainingConfig config = settings.toTrainingConfig(portSolver);
        SolverStartCheck.requireLinearPart(portSolver, config.decoderKind(), LEARNER_DECODER, true);
        Warnings warnings = settingsWarnings(selection, config);
        if (table.size() == 0) {
            throw new InvalidSettingsException("The input table is empty: the Learner needs rows to train on. Check"
                    + " the nodes before it (e.g. a filter that removed every row).");
        }
        int[] indices = NumericColumns.indicesOf(spec, columns, "selected training columns",
                "Select columns of this table in the Learner's column selection.");
        MissingCellPolicy policy = settings.missingCellPolicy();
        TableRows rows;
        try {
            rows = TableRows.read(table, new NumericRowReader(indices, columns.toArray(new String[0])), policy,
                    exec.createSubProgress(READING_SHARE));
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(GfeChoices.inWords(e.getMessage()), e);
        }
        if (rows.rows().length == 0) {
            throw new InvalidSettingsException(noRowLeft(rows, table.size()));
        }
        int rowCount = rows.rows().length;
        int trainingRows = TrainingProgress.trainingRows(config, rowCount);
        TrainingDataCheck check = TrainingDataCheck.of(rows.rows(), columns);
        check.refuseUnlearnable(config);
        check.addWarnings(warnings, config, trainingRows);
        warnings.add(rows.skippedRowsWarning());

        ExecutionMonitor training = exec.createSubProgress(1 - READING_SHARE);
        EngineStart.start(training); // the first GFE node of a KNIME session says that PyTorch is being extracted
        GfeTrainer trainer = new GfeTrainer(config, NodeThreads.forNode());
        TrainingProgress progress = new TrainingProgress(training, config, rowCount, columns.size(),
                trainer.selectionRuns(rowCount), trainer.refitsAfterSelection(rowCount), monitor);
        monitor.start(progress.plannedEpochs(), progress.batchesPerEpoch());
        TrainingResult result;
        try {
            result = train(trainer, rows, columns, progress);
        } catch (Exception | Error e) {
            monitor.clear();
            throw e;
        }
        EpochHistory epochs = EpochHistory.of(result, progress.epochs(), progress.selectionRuns(),
                progress.stoppedByUserIn());
        boolean stoppedByUser = result.stopReason() == StopReason.STOPPED_BY_USER;
        String stopText = epochs.stopText(progress.batchesPerEpoch());
        TrainingOutcome outcome = new TrainingOutcome(epochs.keptTrainingLoss(), epochs.keptValidationLoss(),
                epochs.epochsRun(), rowCount, progress.seconds(), epochs.keptEpoch(), epochs.stopReason());
        GfeModelPortObject modelPort;
        try (GfeModel model = result.model()) {
            modelPort = new GfeModelPortObject(modelSpec(spec, columns, config, model.loss().name()), model,
                    outcome, summaryNotes(config, result, epochs, model, rowCount, columns.size()));
        }
        BufferedDataTable history = settings.historyRows() == HistoryRows.PER_EPOCH
                ? TrainingHistoryTable.create(epochs, exec)
                : TrainingHistoryTable.create(result.history(), settings.validates(), exec);
        pushVariables(outcome.trainingLoss(), outcome.validationLoss(), outcome.epochs(), outcome.stopReason(),
                outcome.keptEpoch());
        if (stoppedByUser) {
            warnings = new Warnings().add(stopText).addAll(warnings);
        }
        setWarningMessage(warnings.message());
        progress.finish(stopText);
        monitor.end(new LearningCurve(stoppedByUser ? Status.STOPPED_BY_USER : Status.FINISHED,
                result.config().epochs(), progress.batchesPerEpoch(), epochs.points(progress.batchesPerEpoch()),
                stopText, viewSummary(modelPort, warnings)));
        return new PortObject[] {modelPort, history};
    }

    /**
     * What the model's summary adds to the model's own description: how the sizes were chosen (auto), which epoch
     * the model holds, the trainer's notes (e.g. whether the correction beat PCA), and which loss 'Automatic' chose.
     */
    private static List<String> summaryNotes(TrainingConfig config, TrainingResult result, EpochHistory epochs,
            GfeModel model, int rows, int columns) {
        List<String> notes = new ArrayList<>();
        if (config.hasAutoValues()) {
            notes.add(sizedToData(config, result, rows, columns));
        }
        if (config.hasAutoSolver()) {
            notes.add("Solver sized to the data (no Solver Settings input).");
        }
        notes.add(epochs.keptNote());
        notes.addAll(result.notes());
        if (config.loss() == LossKind.AUTO) {
            notes.add(TrainingDataCheck.automaticLossNote(model.loss(), config.normalisation(),
                    config.decoderKind()));
        }
        return notes;
    }

    /** The sizes 'auto' chose, e.g. "hidden layers 44-44 (103 columns); for 160 rows batches of 20, ...". */
    private static String sizedToData(TrainingConfig config, TrainingResult result, int rows, int columns) {
        TrainingConfig all = config.resolve(Math.max(1, TrainingProgress.trainingRows(config, rows)), columns);
        StringBuilder text = new StringBuilder("Sized to the data (auto):");
        if (config.hasAutoHiddenSizes() && config.decoderKind() != DecoderKind.CONVOLUTION_1D) {
            int[] sizes = result.config().hiddenSizes();
            text.append(" hidden layers ").append(java.util.Arrays.stream(sizes).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("-"))).append(" for ").append(columns)
                    .append(" columns (width clip(4 sqrt(P), 32, 128));");
        }
        int trained = TrainingProgress.trainingRows(config, rows);
        text.append(" for ").append(trained).append(" training rows batches of ").append(all.batchSize())
                .append(" rows and at most ").append(all.epochs()).append(" epochs");
        if (config.keepBestEpoch() && all.patience() > 0) {
            text.append(", early stopping after ").append(all.patience()).append(" epochs without improvement");
        }
        if (config.decoderKind() == DecoderKind.LINEAR_PLUS_MLP) {
            text.append(" (the runs that choose the epochs are sized to the rows they fit)");
        }
        return text.append('.').toString();
    }

    /** Why no row is left to train on, and what to do. */
    private String noRowLeft(TableRows rows, long tableRows) {
        StringBuilder text = new StringBuilder("No row is left to train on: ");
        if (rows.skippedWithMissing() > 0) {
            text.append("the ").append(rows.skippedWithMissing()).append(" row(s) with missing cells were skipped"
                    + " (missing cells: '").append(GfeChoices.MISSING_CELLS.label(MissingCellPolicy.SKIP_ROW))
                    .append("')");
            if (rows.skippedAllMissing() > 0) {
                text.append(" and ").append(rows.skippedAllMissing()).append(" row(s) have no value in any training"
                        + " column");
            }
            text.append(". Choose '").append(GfeChoices.MISSING_CELLS.label(MissingCellPolicy.MASK))
                    .append("' for missing cells, or fill the missing cells in (e.g. with the Missing Value node).");
        } else {
            text.append("all ").append(tableRows).append(" row(s) have no value in any of the selected training"
                    + " columns. Select the columns that hold the measurements.");
        }
        return text.toString();
    }

    /** The model's description with the warnings, for the view. */
    private static String viewSummary(GfeModelPortObject modelPort, Warnings warnings) {
        String text = modelPort.description();
        if (!warnings.isEmpty()) {
            text += "\n\nWarnings:";
            for (String warning : warnings.items()) {
                text += "\n- " + warning;
            }
        }
        return text;
    }

    private static TrainingResult train(GfeTrainer trainer, TableRows rows, List<String> columns,
            TrainingProgress progress) throws InvalidSettingsException, CanceledExecutionException {
        try {
            return trainer.train(rows.rows(), columns, progress);
        } catch (TrainingCancelledException e) {
            throw new CanceledExecutionException("GFE training was cancelled.");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(GfeChoices.inWords(withRowKeys(e.getMessage(), rows.rowKeys())), e);
        }
        // TrainingDivergedException passes through: its message says what diverged and what to change
    }

    /** The core counts rows from 0 in the rows it was given; users know them by their row keys. */
    static String withRowKeys(String message, List<String> rowKeys) {
        Matcher matcher = ROW_INDEX.matcher(message == null ? "" : message);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(2));
            String replacement = index < rowKeys.size() ? matcher.group(1) + " '" + rowKeys.get(index) + "'"
                    : matcher.group();
            matcher.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** The connected Solver Settings node's settings, or null without one. */
    private static SolverSettings solver(PortObjectSpec spec) {
        return spec instanceof SolverSettingsPortObjectSpec solver ? solver.settings() : null;
    }

    /**
     * The model's spec from the settings, the same in configure and after execute: hidden sizes sized to the data
     * are not known before training, so the spec says "sized to the data" and the summary gives the sizes.
     */
    private static GfeModelPortObjectSpec modelSpec(DataTableSpec table, List<String> columns, TrainingConfig config,
            String loss) {
        List<DataType> types = new ArrayList<>();
        for (String column : columns) {
            types.add(table.getColumnSpec(column).getType());
        }
        if (config.decoderKind() == DecoderKind.CONVOLUTION_1D) {
            return new GfeModelPortObjectSpec(config.latentDimension(), columns, types, loss,
                    config.normalisation().name(), new int[0], config.activation().name(),
                    GfeModel.convolutionDescription(config.convolutionChannels(), config.kernelSize(),
                            config.convolutionLayers()));
        }
        boolean sized = config.hasAutoHiddenSizes();
        return new GfeModelPortObjectSpec(config.latentDimension(), columns, types, loss,
                config.normalisation().name(), sized ? new int[0] : config.hiddenSizes(), config.activation().name(),
                "", config.decoderKind().name(), sized);
    }

    private void pushVariables(double trainingLoss, double validationLoss, int epochs, String stopReason,
            int keptEpoch) {
        pushFlowVariableDouble(TRAINING_LOSS_VARIABLE, trainingLoss);
        pushFlowVariableDouble(VALIDATION_LOSS_VARIABLE, validationLoss);
        pushFlowVariableInt(EPOCHS_VARIABLE, epochs);
        pushFlowVariableString(STOP_REASON_VARIABLE, stopReason);
        pushFlowVariableInt(KEPT_EPOCH_VARIABLE, keptEpoch);
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO target) {
        settings.save(target);
    }

    @Override
    protected void validateSettings(NodeSettingsRO stored) throws InvalidSettingsException {
        LearnerSettings.validate(stored);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO stored) throws InvalidSettingsException {
        settings.load(stored);
    }

    @Override
    protected void reset() {
        // the model port holds bytes, not native memory: only the view's curve is forgotten
        monitor.clear();
    }

    /** The view's curve of the executed node, so it shows again when the saved workflow is opened. */
    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        File file = new File(nodeInternDir, CURVE_FILE);
        if (!file.isFile()) {
            return; // executed by a version without a view
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file)))) {
            monitor.end(LearningCurve.read(in));
        }
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        // the history is an output table, which KNIME saves itself; the view's curve is saved here
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(new File(nodeInternDir, CURVE_FILE))))) {
            monitor.curve().write(out);
        }
    }
}
