package org.gfe.knime.harness;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;

/** Factory of the self-test node {@link ScaleNodeModel}, with a DefaultNodeSettingsPane dialog. */
public final class ScaleNodeFactory extends NodeFactory<ScaleNodeModel> {
    @Override
    public ScaleNodeModel createNodeModel() {
        return new ScaleNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<ScaleNodeModel> createNodeView(final int viewIndex, final ScaleNodeModel nodeModel) {
        throw new IndexOutOfBoundsException("No views");
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        final ScaleNodeModel m = new ScaleNodeModel();
        return new DefaultNodeSettingsPane() {
            {
                addDialogComponent(new DialogComponentColumnNameSelection(m.m_column, "Column", 0, DoubleValue.class));
                addDialogComponent(new DialogComponentNumber(m.m_factor, "Factor", 0.5));
                createNewGroup("Advanced");
                addDialogComponent(new DialogComponentBoolean(m.m_parallel, "Parallel"));
                addDialogComponent(new DialogComponentBoolean(m.m_round, "Round"));
            }
        };
    }
}
