package org.gfe.knime.node.learner;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the GFE Learner node (description: GfeLearnerNodeFactory.xml). */
public final class GfeLearnerNodeFactory extends NodeFactory<GfeLearnerNodeModel> {

    @Override
    public GfeLearnerNodeModel createNodeModel() {
        return new GfeLearnerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GfeLearnerNodeModel> createNodeView(int viewIndex, GfeLearnerNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The GFE Learner has no views, asked for view " + viewIndex + ".");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GfeLearnerNodeDialog();
    }
}
