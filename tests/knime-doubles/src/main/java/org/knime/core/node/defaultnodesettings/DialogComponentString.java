package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentString: rejects an empty value on save if told to. */
public final class DialogComponentString extends DialogComponent {
    private final String m_label;

    private final boolean m_disallowEmpty;

    public DialogComponentString(final SettingsModelString stringModel, final String label) {
        this(stringModel, label, false, 15, null);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth) {
        this(stringModel, label, disallowEmptyString, compWidth, null);
    }

    public DialogComponentString(final SettingsModelString stringModel, final String label,
        final boolean disallowEmptyString, final int compWidth, final FlowVariableModel fvm) {
        super(stringModel);
        m_label = label;
        m_disallowEmpty = disallowEmptyString;
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
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (m_disallowEmpty && (v == null || v.isEmpty())) {
            throw new InvalidSettingsException("Please enter a value for \"" + m_label + "\"");
        }
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
