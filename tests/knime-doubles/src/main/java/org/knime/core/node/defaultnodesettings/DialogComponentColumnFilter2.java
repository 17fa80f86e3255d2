package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentColumnFilter2: needs the table spec of its input port to open. */
public class DialogComponentColumnFilter2 extends DialogComponent {
    private final int m_inPortIndex;

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex) {
        this(model, inPortIndex, false);
    }

    public DialogComponentColumnFilter2(final SettingsModelColumnFilter2 model, final int inPortIndex,
        final boolean showSelectionListsOnly) {
        super(model);
        m_inPortIndex = inPortIndex;
    }

    public void setIncludeTitle(final String title) {
        // no widgets
    }

    public void setExcludeTitle(final String title) {
        // no widgets
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_inPortIndex || !(specs[m_inPortIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Need the input table spec at port " + m_inPortIndex
                + " to configure the column filter. Connect or configure the predecessor node.");
        }
    }

    @Override
    protected void updateComponent() {
        // the model is the state
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // the model is the state
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    @Override
    public void setToolTipText(final String text) {
        // no widgets
    }
}
