package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentLabel: text only, saves nothing; setText changes the shown label, as KNIME's. */
public class DialogComponentLabel extends DialogComponent {
    private String m_text;

    public DialogComponentLabel(final String label) {
        super(new EmptySettingsModel());
        m_text = label;
    }

    @Override
    String labelText() {
        return m_text;
    }

    public void setText(final String newText) {
        m_text = newText;
        for (java.awt.Component shown : getComponentPanel().getComponents()) {
            if (shown instanceof javax.swing.JLabel label) {
                label.setText(newText);
            }
        }
    }

    @Override
    protected void updateComponent() {
        // nothing to show
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        // nothing to save
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
