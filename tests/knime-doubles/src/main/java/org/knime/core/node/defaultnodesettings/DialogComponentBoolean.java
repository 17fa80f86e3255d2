package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentBoolean (check box). */
public final class DialogComponentBoolean extends DialogComponent {
    private final String m_label;

    public DialogComponentBoolean(final SettingsModelBoolean booleanModel, final String label) {
        super(booleanModel);
        m_label = label;
    }

    @Override
    String labelText() {
        return m_label;
    }

    public boolean isSelected() {
        return ((SettingsModelBoolean)getModel()).getBooleanValue();
    }

    @Override
    protected void updateComponent() {
        // the model is the state
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // nothing to check
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        // needs no input
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
