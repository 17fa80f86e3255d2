package org.gfe.knime.harness;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the self-test node {@link CountingNodeModel} (no dialog, no views). */
public final class CountingNodeFactory extends NodeFactory<CountingNodeModel> {
    @Override
    public CountingNodeModel createNodeModel() {
        return new CountingNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<CountingNodeModel> createNodeView(final int viewIndex, final CountingNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("No views");
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
