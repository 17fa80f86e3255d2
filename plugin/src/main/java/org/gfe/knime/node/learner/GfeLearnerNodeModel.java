package org.gfe.knime.node.learner;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.core.decoder.DecoderKind;
import org.gfe.knime.core.train.GfeTrainer;
import org.gfe.knime.core.train.TrainingCancelledException;
import org.gfe.knime.core.train.TrainingConfig;
import org.gfe.knime.core.train.TrainingResult;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObjectSpec;
import org.gfe.knime.node.port.TrainingOutcome;
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
 * settings, progress, cancel, warnings and flow variables.
 */
public final class GfeLearnerNodeModel extends NodeModel {

    /** Flow variable: mean training loss of the last epoch. */
    public static final String TRAINING_LOSS_VARIABLE = "gfe_training_loss";
    /** Flow variable: last validation loss (NaN without a validation fraction). */
    public static final String VALIDATION_LOSS_VARIABLE = "gfe_validation_loss";
    /** Flow variable: epochs run. */
    public static final String EPOCHS_VARIABLE = "gfe_epochs";

    private static final double READING_SHARE = 0.05;
    private static final Pattern ROW_INDEX = Pattern.compile("\\b([Rr]ow) (\\d{1,9})\\b");

    private final LearnerSettings settings = new LearnerSettings();

    GfeLearnerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE, SolverSettingsPortObject.TYPE_OPTIONAL},
                new PortType[] {GfeModelPortObject.TYPE, BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec table = ModelSpecCheck.tableSpec(inSpecs[0]);
        List<String> columns = settings.trainingColumns(table);
        TrainingConfig config = settings.toTrainingConfig(solver(inSpecs[1]));
        settings.missingCellPolicy();
        if (config.latentDimension() >= columns.size()) {
            setWarningMessage("The latent dimension (" + config.latentDimension() + ") is not smaller than the number"
                    + " of training columns (" + columns.size() + "), so the codes do not compress the rows. Lower"
                    + " the latent dimension.");
        }
        pushVariables(Double.NaN, Double.NaN, 0);
        return new PortObjectSpec[] {modelSpec(table, columns, config, config.loss().name()),
            TrainingHistoryTable.spec(settings.validates())};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable) inObjects[0];
        DataTableSpec spec = table.getDataTableSpec();
        SolverSettings solver = inObjects[1] instanceof SolverSettingsPortObject port ? port.settings()
                : SolverSettings.defaults();
        List<String> columns = settings.trainingColumns(spec);
        TrainingConfig config = settings.toTrainingConfig(solver);
        int[] indices = NumericColumns.indicesOf(spec, columns, "selected training columns",
                "Select columns of this table in the Learner's column selection.");
        TableRows rows = TableRows.read(table, new NumericRowReader(indices, columns.toArray(new String[0])),
                settings.missingCellPolicy(), exec.createSubProgress(READING_SHARE));
        if (rows.rows().length == 0) {
            throw new InvalidSettingsException("No row is left to train on (" + rows.skippedRowsWarning()
                    + " Choose the missing value handling MASK, or fill the missing cells in.");
        }
        TrainingResult result = train(config, rows, columns, exec.createSubProgress(1 - READING_SHARE));
        GfeModelPortObject modelPort;
        try (GfeModel model = result.model()) {
            modelPort = new GfeModelPortObject(modelSpec(spec, columns, config, model.loss().name()), model,
                    TrainingOutcome.of(result.history(), rows.rows().length));
        }
        BufferedDataTable history = TrainingHistoryTable.create(result.history(), settings.validates(), exec);
        TrainingOutcome outcome = modelPort.outcome();
        pushVariables(outcome.trainingLoss(), outcome.validationLoss(), outcome.epochs());
        String skipped = rows.skippedRowsWarning();
        if (skipped != null) {
            setWarningMessage(skipped);
        }
        return new PortObject[] {modelPort, history};
    }

    private static TrainingResult train(TrainingConfig config, TableRows rows, List<String> columns,
            ExecutionMonitor exec) throws InvalidSettingsException, CanceledExecutionException {
        try {
            return new GfeTrainer(config).train(rows.rows(), columns,
                    new TrainingProgress(exec, config, rows.rows().length));
        } catch (TrainingCancelledException e) {
            throw new CanceledExecutionException("GFE training was cancelled.");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(withRowKeys(e.getMessage(), rows.rowKeys()), e);
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

    private static SolverSettings solver(PortObjectSpec spec) {
        return spec instanceof SolverSettingsPortObjectSpec solver ? solver.settings() : SolverSettings.defaults();
    }

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
        return new GfeModelPortObjectSpec(config.latentDimension(), columns, types, loss,
                config.normalisation().name(), config.hiddenSizes(), config.activation().name());
    }

    private void pushVariables(double trainingLoss, double validationLoss, int epochs) {
        pushFlowVariableDouble(TRAINING_LOSS_VARIABLE, trainingLoss);
        pushFlowVariableDouble(VALIDATION_LOSS_VARIABLE, validationLoss);
        pushFlowVariableInt(EPOCHS_VARIABLE, epochs);
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
        // the model port holds bytes, not native memory: nothing to release (see GfeModelPortObject)
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        // the history is an output table, which KNIME saves itself
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        // the history is an output table, which KNIME saves itself
    }
}
