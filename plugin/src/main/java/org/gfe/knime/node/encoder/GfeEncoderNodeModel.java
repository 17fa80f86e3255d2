package org.gfe.knime.node.encoder;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.core.encode.LatentEncoder;
import org.gfe.knime.core.encode.SolverSettings;
import org.gfe.knime.core.model.GfeModel;
import org.gfe.knime.node.port.GfeModelPortObject;
import org.gfe.knime.node.port.GfeModelPortObjectSpec;
import org.gfe.knime.node.port.ModelSpecCheck;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.table.ChunkedCellFactory.ChunkFailure;
import org.gfe.knime.node.table.NumericRowReader;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
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
 * The GFE Encoder: appends each row's latent code, found by the gradient flow of the model's decoder, to the input
 * table. Rows stream through a {@link ColumnRearranger} a chunk at a time ({@link LatentCellFactory}); the input
 * columns pass through unchanged.
 */
public final class GfeEncoderNodeModel extends NodeModel {

    private final EncoderSettings settings = new EncoderSettings();

    GfeEncoderNodeModel() {
        super(new PortType[] {GfeModelPortObject.TYPE, BufferedDataTable.TYPE, SolverSettingsPortObject.TYPE_OPTIONAL},
                new PortType[] {BufferedDataTable.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        GfeModelPortObjectSpec model = ModelSpecCheck.modelSpec(inSpecs[0]);
        DataTableSpec table = ModelSpecCheck.tableSpec(inSpecs[1]);
        ModelSpecCheck.trainingColumns(model, table);
        settings.missingPolicy();
        settings.rowsPerChunk();
        ColumnRearranger rearranger = new ColumnRearranger(table);
        rearranger.append(new LatentCellFactory(null, 1, settings.appendedColumns(table, model.latentDimension()),
                null, null, model.latentDimension(), settings.missingPolicy(), settings.diagnostics(), null));
        return new PortObjectSpec[] {rearranger.createSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        GfeModelPortObject modelPort = (GfeModelPortObject) inObjects[0];
        BufferedDataTable table = (BufferedDataTable) inObjects[1];
        DataTableSpec spec = table.getDataTableSpec();
        GfeModelPortObjectSpec modelSpec = modelPort.getSpec();
        int[] columns = ModelSpecCheck.trainingColumns(modelSpec, spec);
        NumericRowReader reader = new NumericRowReader(columns, modelSpec.columnNames().toArray(new String[0]));
        try (GfeModel model = modelPort.openModel()) {
            SolverSettings solver = inObjects[2] instanceof SolverSettingsPortObject port ? port.settings()
                    : model.solverSettings();
            LatentCellFactory factory = new LatentCellFactory(table, settings.rowsPerChunk(),
                    settings.appendedColumns(spec, model.latentDimension()), reader, new LatentEncoder(model, solver),
                    model.latentDimension(), settings.missingPolicy(), settings.diagnostics(), exec);
            ColumnRearranger rearranger = new ColumnRearranger(spec);
            rearranger.append(factory);
            BufferedDataTable out;
            try {
                out = exec.createColumnRearrangeTable(table, rearranger, exec);
            } catch (RuntimeException e) {
                throw ChunkFailure.unwrap(e);
            } finally {
                factory.close();
            }
            warn(factory, solver);
            return new PortObject[] {out};
        }
    }

    private void warn(LatentCellFactory factory, SolverSettings solver) {
        List<String> warnings = new ArrayList<>();
        boolean amd = solver.integrator() == IntegratorKind.AMD_PER_ROW
                || solver.integrator() == IntegratorKind.AMD_REFERENCE;
        if (amd && factory.notConverged() > 0) {
            warnings.add(factory.notConverged() + " row(s) did not converge before the end time tau; their codes"
                    + " are the flow's state at tau. Raise tau or the convergence tolerance gtol (Solver Settings)"
                    + " if that matters.");
        }
        if (factory.allMissing() > 0) {
            warnings.add(factory.allMissing() + " row(s) have every model column missing and got missing codes.");
        }
        if (factory.missingByPolicy() > 0) {
            warnings.add(factory.missingByPolicy() + " row(s) with missing cells got missing codes (missing value"
                    + " handling MISSING_CODE).");
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
