package org.gfe.knime.node.reconstructor;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.exec.EngineStart;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.LatentColumns;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.table.ChunkedCellFactory;
import org.gfe.knime.node.table.ChunkedCellFactory.ChunkFailure;
import org.gfe.knime.node.table.NewColumns;
import org.gfe.knime.node.table.NumericColumns;
import org.gfe.knime.node.table.NumericRowReader;
import org.gfe.knime.node.table.OutputLayout;
import org.gfe.knime.node.table.RowSource;
import org.gfe.knime.node.table.StreamedChunks;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.filter.TableFilter;
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
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.PortInput;
import org.knime.core.node.streamable.PortObjectInput;
import org.knime.core.node.streamable.PortOutput;
import org.knime.core.node.streamable.RowInput;
import org.knime.core.node.streamable.RowOutput;
import org.knime.core.node.streamable.StreamableOperator;

/**
 * The GFE Reconstructor: decodes the latent columns of each row to the model's training columns in original units,
 * appended as new columns; optionally fills the missing cells of matching input columns from them (imputation). Each
 * chunk of rows is decoded once ({@link ReconstructionCells}) for both. Streamable: the non-streamed {@link #execute}
 * and the streamed operator run the same chunk code.
 */
public final class GfeReconstructorNodeModel extends NodeModel {

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
        List<String> warnings = warnings(plan, 0);
        if (settings.impute() && plan.imputedInput.length == 0) {
            warnings.add("Imputation is on, but the input table has none of the model's training columns, so"
                    + " there is nothing to fill in.");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(" ", warnings));
        }
        return new PortObjectSpec[] {plan.layout.outputSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        GfeModelPortObject modelPort = (GfeModelPortObject) inObjects[0];
        BufferedDataTable table = (BufferedDataTable) inObjects[1];
        Plan plan = plan(modelPort.getSpec(), table.getDataTableSpec());
        try (GfeModel model = modelPort.openModel()) {
            EngineStart.start(exec);
            ReconstructionCells cells = new ReconstructionCells(plan.reader, model, plan.imputedModel,
                    plan.imputedInput, exec, table.size());
            // the look-ahead reads only the latent and imputed columns; the rearranger passes the rest through
            ChunkedCellFactory factory = new ChunkedCellFactory(
                    () -> RowSource.of(table.filter(TableFilter.materializeCols(plan.readColumns())).iterator()),
                    settings.rowsPerChunk(), cells, plan.layout.newColumns());
            BufferedDataTable out;
            try {
                out = exec.createColumnRearrangeTable(table, plan.layout.rearranger(factory), exec);
            } catch (RuntimeException e) {
                throw ChunkFailure.unwrap(e);
            } finally {
                factory.close();
            }
            List<String> warnings = warnings(plan, cells.missingCodes());
            if (!warnings.isEmpty()) {
                setWarningMessage(String.join(" ", warnings));
            }
            return new PortObject[] {out};
        }
    }

    /** The table streams and may be distributed; the model is needed whole. */
    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[] {InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.DISTRIBUTED_STREAMABLE};
    }

    /** Each output row comes from its input row (no merge step), so the output is distributed like the input. */
    @Override
    public OutputPortRole[] getOutputPortRoles() {
        return new OutputPortRole[] {OutputPortRole.DISTRIBUTED};
    }

    /**
     * Streamed execution: rows polled from the stream in chunks, decoded once per chunk by the same
     * {@link ReconstructionCells} as in {@link #execute}, and pushed on ({@link StreamedChunks}).
     */
    @Override
    public StreamableOperator createStreamableOperator(PartitionInfo partitionInfo, PortObjectSpec[] inSpecs)
            throws InvalidSettingsException {
        Plan plan = plan(ModelSpecCheck.modelSpec(inSpecs[0]), ModelSpecCheck.tableSpec(inSpecs[1]));
        int rowsPerChunk = settings.rowsPerChunk();
        return new StreamableOperator() {
            @Override
            public void runFinal(PortInput[] inputs, PortOutput[] outputs, ExecutionContext exec) throws Exception {
                GfeModelPortObject modelPort = (GfeModelPortObject) ((PortObjectInput) inputs[0]).getPortObject();
                try (GfeModel model = modelPort.openModel()) {
                    EngineStart.start(exec);
                    ReconstructionCells cells = new ReconstructionCells(plan.reader, model, plan.imputedModel,
                            plan.imputedInput, exec, -1);
                    StreamedChunks.run((RowInput) inputs[1], (RowOutput) outputs[0], rowsPerChunk, cells,
                            plan.layout, exec);
                    List<String> warnings = warnings(plan, cells.missingCodes());
                    if (!warnings.isEmpty()) {
                        setWarningMessage(String.join(" ", warnings));
                    }
                }
            }
        };
    }

    private static List<String> warnings(Plan plan, int missingCodes) {
        List<String> warnings = new ArrayList<>();
        if (plan.newColumns.renamedWarning() != null) {
            warnings.add(plan.newColumns.renamedWarning());
        }
        if (missingCodes > 0) {
            warnings.add(missingCodes + " row(s) have a missing latent cell; their reconstructed cells are missing.");
        }
        return warnings;
    }

    /** Which columns are read and written, checked against the model. */
    private Plan plan(GfeModelPortObjectSpec model, DataTableSpec table) throws InvalidSettingsException {
        String prefix = settings.latentPrefix();
        settings.rowsPerChunk();
        int[] latent = ModelSpecCheck.latentColumns(model, table, prefix);
        List<String> columns = model.columnNames();
        // imputed columns in ascending order of their input index (the order the layout replaces them in)
        TreeMap<Integer, Integer> imputed = new TreeMap<>();
        if (settings.impute()) {
            for (int p = 0; p < columns.size(); p++) {
                int index = table.findColumnIndex(columns.get(p));
                if (index >= 0 && NumericColumns.isNumeric(table.getColumnSpec(index))) {
                    imputed.put(index, p);
                }
            }
        }
        int[] imputedInput = imputed.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] imputedModel = imputed.values().stream().mapToInt(Integer::intValue).toArray();
        List<DataColumnSpec> newColumns = new ArrayList<>();
        for (int index : imputedInput) {
            newColumns.add(new DataColumnSpecCreator(table.getColumnSpec(index).getName(), DoubleCell.TYPE)
                    .createSpec());
        }
        NewColumns appended = settings.outputColumns(columns, table);
        newColumns.addAll(List.of(appended.columns()));
        NumericRowReader reader = new NumericRowReader(latent,
                LatentColumns.names(prefix, model.latentDimension()).toArray(new String[0]));
        OutputLayout layout = OutputLayout.replacingAndAppending(table, imputedInput,
                newColumns.toArray(new DataColumnSpec[0]));
        return new Plan(reader, latent, imputedInput, imputedModel, appended, layout);
    }

    /**
     * @param reader reads a row's latent code
     * @param latentColumns input indices of the latent columns
     * @param imputedInput input indices of the imputed columns, ascending
     * @param imputedModel their indices among the model's columns
     * @param newColumns the appended reconstructed columns (with any renaming)
     * @param layout where the new cells go
     */
    private record Plan(NumericRowReader reader, int[] latentColumns, int[] imputedInput, int[] imputedModel,
            NewColumns newColumns, OutputLayout layout) {

        /** The input columns the decoding reads: the latent ones and the imputed ones. */
        int[] readColumns() {
            return java.util.stream.IntStream.concat(java.util.Arrays.stream(latentColumns),
                    java.util.Arrays.stream(imputedInput)).distinct().sorted().toArray();
        }
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
