package org.gfe.knime.node.solver;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the GFE Solver Settings node (description: SolverSettingsNodeFactory.xml). */
public final class SolverSettingsNodeFactory extends NodeFactory<SolverSettingsNodeModel> {

    @Override
    public SolverSettingsNodeModel createNodeModel() {
        return new SolverSettingsNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SolverSettingsNodeModel> createNodeView(int viewIndex, SolverSettingsNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The Solver Settings node has no views, asked for view " + viewIndex
                + ".");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SolverSettingsNodeDialog();
    }
}
