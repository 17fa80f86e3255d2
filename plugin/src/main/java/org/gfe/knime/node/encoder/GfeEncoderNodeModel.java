package org.gfe.knime.node.encoder;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.exec.EngineStart;
import org.gfe.knime.node.exec.NodeThreads;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.table.ChunkedCellFactory;
import org.gfe.knime.node.table.ChunkedCellFactory.ChunkFailure;
import org.gfe.knime.node.table.NewColumns;
import org.gfe.knime.node.table.NumericRowReader;
import org.gfe.knime.node.table.OutputLayout;
import org.gfe.knime.node.table.RowSource;
import org.gfe.knime.node.table.StreamedChunks;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.filter.TableFilter;
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
 * The GFE Encoder: appends each row's latent code, found by the gradient flow of the model's decoder, to the input
 * table (optionally with diagnostics and the row's reconstruction error). The rows are encoded a chunk at a time by
 * {@link LatentCells} on threads of KNIME's pool ({@link NodeThreads}); the input columns pass through unchanged.
 * Streamable: the non-streamed {@link #execute} and the streamed operator run the same chunk code.
 */
public final class GfeEncoderNodeModel extends NodeModel {

    private final EncoderSettings settings = new EncoderSettings();

    GfeEncoderNodeModel() {
        super(new PortType[] {GfeModelPortObject.TYPE, BufferedDataTable.TYPE, SolverSettingsPortObject.TYPE_OPTIONAL},
                new PortType[] {BufferedDataTable.TYPE});
    }

    /** What is read and written for a model and an input table, checked against each other. */
    private record Plan(int[] modelColumns, NumericRowReader reader, NewColumns newColumns, OutputLayout layout) {
    }

    private Plan plan(GfeModelPortObjectSpec model, DataTableSpec table) throws InvalidSettingsException {
        int[] columns = ModelSpecCheck.trainingColumns(model, table);
        settings.missingPolicy();
        settings.rowsPerChunk();
        NumericRowReader reader = new NumericRowReader(columns, model.columnNames().toArray(new String[0]));
        NewColumns newColumns = settings.appendedColumns(table, model.latentDimension());
        return new Plan(columns, reader, newColumns, OutputLayout.appending(table, newColumns.columns()));
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        GfeModelPortObjectSpec model = ModelSpecCheck.modelSpec(inSpecs[0]);
        Plan plan = plan(model, ModelSpecCheck.tableSpec(inSpecs[1]));
        if (plan.newColumns.renamedWarning() != null) {
            setWarningMessage(plan.newColumns.renamedWarning());
        }
        return new PortObjectSpec[] {plan.layout.outputSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        GfeModelPortObject modelPort = (GfeModelPortObject) inObjects[0];
        BufferedDataTable table = (BufferedDataTable) inObjects[1];
        Plan plan = plan(modelPort.getSpec(), table.getDataTableSpec());
        try (GfeModel model = modelPort.openModel()) {
            SolverSettings solver = solver(inObjects[2], model);
            LatentCells cells = cells(plan, model, solver, exec, table.size());
            // the look-ahead reads only the model's columns; the rearranger passes the rest through
            ChunkedCellFactory factory = new ChunkedCellFactory(
                    () -> RowSource.of(table.filter(TableFilter.materializeCols(plan.modelColumns)).iterator()),
                    settings.rowsPerChunk(), cells, plan.layout.newColumns());
            BufferedDataTable out;
            try {
                out = exec.createColumnRearrangeTable(table, plan.layout.rearranger(factory), exec);
            } catch (RuntimeException e) {
                throw ChunkFailure.unwrap(e);
            } finally {
                factory.close();
            }
            warn(plan, cells, solver);
            return new PortObject[] {out};
        }
    }

    /** The table streams and may be distributed; model and solver settings are needed whole. */
    @Override
    public InputPortRole[] getInputPortRoles() {
        return new InputPortRole[] {InputPortRole.NONDISTRIBUTED_NONSTREAMABLE, InputPortRole.DISTRIBUTED_STREAMABLE,
            InputPortRole.NONDISTRIBUTED_NONSTREAMABLE};
    }

    /** Each output row comes from its input row (no merge step), so the output is distributed like the input. */
    @Override
    public OutputPortRole[] getOutputPortRoles() {
        return new OutputPortRole[] {OutputPortRole.DISTRIBUTED};
    }

    /**
     * Streamed execution: rows are polled from the stream in chunks of "rows per chunk", encoded by the same
     * {@link LatentCells} as in {@link #execute} and pushed on ({@link StreamedChunks}). See {@link LatentCells} for
     * why the codes are the same as without streaming (and what differs for the reference AMD when distributed).
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
                PortObject solverPort = inputs[2] instanceof PortObjectInput input ? input.getPortObject() : null;
                try (GfeModel model = modelPort.openModel()) {
                    SolverSettings solver = solver(solverPort, model);
                    LatentCells cells = cells(plan, model, solver, exec, -1);
                    StreamedChunks.run((RowInput) inputs[1], (RowOutput) outputs[0], rowsPerChunk, cells,
                            plan.layout, exec);
                    warn(plan, cells, solver);
                }
            }
        };
    }

    private static SolverSettings solver(PortObject port, GfeModel model) {
        return port instanceof SolverSettingsPortObject solverPort ? solverPort.settings() : model.solverSettings();
    }

    private LatentCells cells(Plan plan, GfeModel model, SolverSettings solver, ExecutionMonitor exec,
            long totalRows) throws InvalidSettingsException {
        EngineStart.start(exec);
        LatentEncoder encoder = new LatentEncoder(model, solver, NodeThreads.forNode());
        return new LatentCells(plan.reader, encoder, model, settings, exec, totalRows);
    }

    private void warn(Plan plan, LatentCells cells, SolverSettings solver) {
        List<String> warnings = new ArrayList<>();
        if (plan.newColumns.renamedWarning() != null) {
            warnings.add(plan.newColumns.renamedWarning());
        }
        boolean amd = solver.integrator() == IntegratorKind.AMD_PER_ROW
                || solver.integrator() == IntegratorKind.AMD_REFERENCE;
        if (amd && cells.notConverged() > 0) {
            warnings.add(cells.notConverged() + " row(s) did not converge before the end time tau; their codes"
                    + " are the flow's state at tau. Raise tau or the convergence tolerance gtol (Solver Settings)"
                    + " if that matters.");
        }
        if (cells.allMissing() > 0) {
            warnings.add(cells.allMissing() + " row(s) have every model column missing and got missing codes.");
        }
        if (cells.missingByPolicy() > 0) {
            warnings.add(cells.missingByPolicy() + " row(s) with missing cells got missing codes (missing value"
                    + " handling 'Give the row missing codes').");
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join(" ", warnings));
        }
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO target) {
        settings.save(target);
    }

    @Override
    protected void validateSettings(NodeSettingsRO stored) throws InvalidSettingsException {
        EncoderSettings.validate(stored);
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
