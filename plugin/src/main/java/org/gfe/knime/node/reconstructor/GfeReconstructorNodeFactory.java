package org.gfe.knime.node.reconstructor;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the GFE Reconstructor node (description: GfeReconstructorNodeFactory.xml). */
public final class GfeReconstructorNodeFactory extends NodeFactory<GfeReconstructorNodeModel> {

    @Override
    public GfeReconstructorNodeModel createNodeModel() {
        return new GfeReconstructorNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GfeReconstructorNodeModel> createNodeView(int viewIndex, GfeReconstructorNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The GFE Reconstructor has no views, asked for view " + viewIndex + ".");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GfeReconstructorNodeDialog();
    }
}
