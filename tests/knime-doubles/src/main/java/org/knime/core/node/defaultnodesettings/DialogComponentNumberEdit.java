package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentNumberEdit (text field for a number). */
public class DialogComponentNumberEdit extends DialogComponent {
    private final String m_label;

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label) {
        this(numberModel, label, 10, null);
    }

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label,
        final int compWidth) {
        this(numberModel, label, compWidth, null);
    }

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label,
        final FlowVariableModel fvm) {
        this(numberModel, label, 10, fvm);
    }

    public DialogComponentNumberEdit(final SettingsModelNumber numberModel, final String label,
        final int compWidth, final FlowVariableModel fvm) {
        super(numberModel);
        m_label = label;
    }

    @Override
    String labelText() {
        return m_label;
    }

    public void setSizeComponents(final int width, final int height) {
        // no widgets
    }

    @Override
    protected void updateComponent() {
        // the model is the state
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // values are validated by the model
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
