package org.gfe.knime.it.driver;

import java.io.File;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/** A test-only node that outputs its input table: a consumer outside a component, so the component gets a port. */
public final class PassThroughNodeFactory extends NodeFactory<PassThroughNodeFactory.Model> {

    @Override
    public Model createNodeModel() {
        return new Model();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<Model> createNodeView(int viewIndex, Model nodeModel) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }

    /** One table in, the same table out. */
    public static final class Model extends NodeModel {

        Model() {
            super(1, 1);
        }

        @Override
        protected DataTableSpec[] configure(DataTableSpec[] inSpecs) {
            return inSpecs;
        }

        @Override
        protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) {
            return inData;
        }

        @Override
        protected void saveSettingsTo(NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(NodeSettingsRO settings) {
        }

        @Override
        protected void reset() {
        }

        @Override
        protected void loadInternals(File dir, ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(File dir, ExecutionMonitor exec) {
        }
    }
}
