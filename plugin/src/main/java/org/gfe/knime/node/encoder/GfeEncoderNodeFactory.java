package org.gfe.knime.node.encoder;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Factory of the GFE Encoder node (description: GfeEncoderNodeFactory.xml). */
public final class GfeEncoderNodeFactory extends NodeFactory<GfeEncoderNodeModel> {

    @Override
    public GfeEncoderNodeModel createNodeModel() {
        return new GfeEncoderNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<GfeEncoderNodeModel> createNodeView(int viewIndex, GfeEncoderNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("The GFE Encoder has no views, asked for view " + viewIndex + ".");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new GfeEncoderNodeDialog();
    }
}
