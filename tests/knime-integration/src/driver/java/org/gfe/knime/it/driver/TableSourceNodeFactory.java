package org.gfe.knime.it.driver;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** A test-only source node: reads a slice of a CSV file into a table (see {@link TableSourceNodeModel}). */
public final class TableSourceNodeFactory extends NodeFactory<TableSourceNodeModel> {

    @Override
    public TableSourceNodeModel createNodeModel() {
        return new TableSourceNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<TableSourceNodeModel> createNodeView(int viewIndex, TableSourceNodeModel nodeModel) {
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
}
