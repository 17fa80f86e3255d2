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
        return 1;
    }

    /** View 0: the learning curve, the stopping reason and the model summary, with a stop button. */
    @Override
    public NodeView<GfeLearnerNodeModel> createNodeView(int viewIndex, GfeLearnerNodeModel nodeModel) {
        if (viewIndex != 0) {
            throw new IndexOutOfBoundsException("The GFE Learner has one view (index 0), asked for view " + viewIndex
                    + ".");
        }
        return new GfeLearnerNodeView(nodeModel);
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
