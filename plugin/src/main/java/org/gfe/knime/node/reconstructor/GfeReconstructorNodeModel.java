package org.gfe.knime.node.reconstructor;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.reconstructor.ReconstructionCellFactory.Mode;
import org.gfe.knime.node.table.ChunkedCellFactory.ChunkFailure;
import org.gfe.knime.node.table.NumericColumns;
import org.gfe.knime.node.table.NumericRowReader;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
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
 * The GFE Reconstructor: decodes the latent columns of each row to the model's training columns in original units,
 * appended as new columns; optionally fills the missing cells of matching input columns from them (imputation).
 */
public final class GfeReconstructorNodeModel extends NodeModel {

    private static final int ROWS_PER_CHUNK = 1024;

    private final ReconstructorSettings settings = new ReconstructorSettings();

    GfeReconstructorNodeModel() {
        super(new PortType[] {GfeModelPortObject.TYPE, BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        GfeModelPortObjectSpec model = ModelSpecCheck.modelSpec(inSpecs[0]);
        DataTableSpec table = ModelSpecCheck.tableSpec(inSpecs[1]);
        Plan plan = plan(model, table);
        if (settings.impute() && plan.imputed.isEmpty()) {
            setWarningMessage("Imputation is on, but the input table has none of the model's training columns, so"
                    + " there is nothing to fill in.");
        }
        return new PortObjectSpec[] {rearranger(table, plan, null, null, new ArrayList<>()).createSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        GfeModelPortObject modelPort = (GfeModelPortObject) inObjects[0];
        BufferedDataTable table = (BufferedDataTable) inObjects[1];
        Plan plan = plan(modelPort.getSpec(), table.getDataTableSpec());
        List<ReconstructionCellFactory> factories = new ArrayList<>();
        try (GfeModel model = modelPort.openModel()) {
            ColumnRearranger rearranger = rearranger(table.getDataTableSpec(), plan, table, model, factories);
            BufferedDataTable out;
            try {
                out = exec.createColumnRearrangeTable(table, rearranger, exec);
            } catch (RuntimeException e) {
                throw ChunkFailure.unwrap(e);
            } finally {
                factories.forEach(ReconstructionCellFactory::close);
            }
            int missingCodes = factories.get(factories.size() - 1).missingCodes();
            if (missingCodes > 0) {
                setWarningMessage(missingCodes + " row(s) have a missing latent cell; their reconstructed cells are"
                        + " missing.");
            }
            return new PortObject[] {out};
        }
    }

    /** Which columns are read and written, checked against the model. */
    private Plan plan(GfeModelPortObjectSpec model, DataTableSpec table) throws InvalidSettingsException {
        String prefix = settings.latentPrefix();
        int[] latent = ModelSpecCheck.latentColumns(model, table, prefix);
        List<String> columns = model.columnNames();
        List<String> outputNames = settings.outputNames(columns, table);
        List<Integer> imputed = new ArrayList<>();
        if (settings.impute()) {
            for (int p = 0; p < columns.size(); p++) {
                int index = table.findColumnIndex(columns.get(p));
                if (index >= 0 && NumericColumns.isNumeric(table.getColumnSpec(index))) {
                    imputed.add(p);
                }
            }
        }
        NumericRowReader reader = new NumericRowReader(latent,
                LatentColumns.names(prefix, model.latentDimension()).toArray(new String[0]));
        return new Plan(columns, outputNames, imputed, reader);
    }

    /** Replaces the imputed columns (if any) and appends the reconstructions. */
    private static ColumnRearranger rearranger(DataTableSpec spec, Plan plan, BufferedDataTable table, GfeModel model,
            List<ReconstructionCellFactory> factories) {
        ColumnRearranger rearranger = new ColumnRearranger(spec);
        if (!plan.imputed.isEmpty()) {
            int[] outputs = plan.imputed.stream().mapToInt(Integer::intValue).toArray();
            int[] inputs = new int[outputs.length];
            DataColumnSpec[] columns = new DataColumnSpec[outputs.length];
            for (int j = 0; j < outputs.length; j++) {
                String name = plan.columns.get(outputs[j]);
                inputs[j] = spec.findColumnIndex(name);
                columns[j] = new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec();
            }
            ReconstructionCellFactory imputing = new ReconstructionCellFactory(table, ROWS_PER_CHUNK, columns,
                    plan.reader, model, Mode.IMPUTE, outputs, inputs);
            factories.add(imputing);
            rearranger.replace(imputing, inputs);
        }
        int count = plan.columns.size();
        DataColumnSpec[] appended = new DataColumnSpec[count];
        int[] outputs = new int[count];
        for (int p = 0; p < count; p++) {
            appended[p] = new DataColumnSpecCreator(plan.outputNames.get(p), DoubleCell.TYPE).createSpec();
            outputs[p] = p;
        }
        ReconstructionCellFactory appending = new ReconstructionCellFactory(table, ROWS_PER_CHUNK, appended,
                plan.reader, model, Mode.APPEND, outputs, new int[count]);
        factories.add(appending);
        rearranger.append(appending);
        return rearranger;
    }

    /**
     * @param columns the model's training columns
     * @param outputNames the appended columns' names
     * @param imputed indices (into columns) of the input columns to fill in
     * @param reader reads a row's latent code
     */
    private record Plan(List<String> columns, List<String> outputNames, List<Integer> imputed,
            NumericRowReader reader) {
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO target) {
        settings.save(target);
    }

    @Override
    protected void validateSettings(NodeSettingsRO stored) throws InvalidSettingsException {
        ReconstructorSettings.validate(stored);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO stored) throws InvalidSettingsException {
        settings.load(stored);
    }

    @Override
    protected void reset() {
        // each run opens and closes its own model: nothing is kept
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        // no internals
    }
}
