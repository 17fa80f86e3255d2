package org.gfe.knime.node.solver;

import java.io.File;
import org.gfe.knime.node.port.SolverSettingsPortObject;
import org.gfe.knime.node.port.SolverSettingsPortObjectSpec;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** The Solver Settings node: no input, one port with the encoding solver's settings. */
public final class SolverSettingsNodeModel extends NodeModel {

    private final SolverSettingsModels settings = new SolverSettingsModels();

    SolverSettingsNodeModel() {
        super(new PortType[0], new PortType[] {SolverSettingsPortObject.TYPE});
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        return new PortObjectSpec[] {new SolverSettingsPortObjectSpec(settings.toSolverSettings())};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return new PortObject[] {
            new SolverSettingsPortObject(new SolverSettingsPortObjectSpec(settings.toSolverSettings()))};
    }

    @Override
    protected void saveSettingsTo(NodeSettingsWO target) {
        settings.save(target);
    }

    @Override
    protected void validateSettings(NodeSettingsRO stored) throws InvalidSettingsException {
        SolverSettingsModels.validate(stored);
    }

    @Override
    protected void loadValidatedSettingsFrom(NodeSettingsRO stored) throws InvalidSettingsException {
        settings.load(stored);
    }

    @Override
    protected void reset() {
        // nothing is kept between runs
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
