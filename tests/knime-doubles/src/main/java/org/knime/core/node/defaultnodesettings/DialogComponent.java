package org.knime.core.node.defaultnodesettings;

import java.awt.Color;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Double of KNIME's DialogComponent: a view of one settings model. The model holds the value (there are no
 * widgets to edit); loading checks configurability and fills the model, saving validates and writes it.
 * The component panel (a label) is created on first use and works headless.
 */
public abstract class DialogComponent {
    protected static final Color DEFAULT_BG = new Color(238, 238, 238);

    protected static final Color DEFAULT_FG = new Color(0, 0, 0);

    private final SettingsModel m_model;

    private JPanel m_panel;

    private PortObjectSpec[] m_lastSpecs;

    public DialogComponent(final SettingsModel model) {
        if (model == null) {
            throw new NullPointerException("The settings model of a dialog component must not be null");
        }
        m_model = model;
        m_model.addChangeListener(e -> updateComponent());
    }

    /** Text for the panel's label. */
    String labelText() {
        return m_model.toString();
    }

    public JPanel getComponentPanel() {
        if (m_panel == null) {
            m_panel = new JPanel();
            m_panel.add(new JLabel(labelText()));
        }
        return m_panel;
    }

    public final SettingsModel getModel() {
        return m_model;
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        m_lastSpecs = specs == null ? null : specs.clone();
        checkConfigurabilityBeforeLoad(specs);
        m_model.dialogLoadSettingsFrom(settings, specs);
        updateComponent();
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        validateSettingsBeforeSave();
        m_model.dialogSaveSettingsTo(settings);
    }

    protected final PortObjectSpec[] getLastTableSpecs() {
        return m_lastSpecs == null ? null : m_lastSpecs.clone();
    }

    protected final PortObjectSpec getLastTableSpec(final int portIdx) {
        return m_lastSpecs == null || portIdx >= m_lastSpecs.length ? null : m_lastSpecs[portIdx];
    }

    @Deprecated
    public final void setEnabled(final boolean enabled) {
        m_model.setEnabled(enabled);
        setEnabledComponents(enabled);
    }

    protected void showError(final JTextField field) {
        // no widgets in the double
    }

    protected void clearError(final JTextField field) {
        // no widgets in the double
    }

    protected abstract void updateComponent();

    protected abstract void validateSettingsBeforeSave() throws InvalidSettingsException;

    protected abstract void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) throws NotConfigurableException;

    protected abstract void setEnabledComponents(boolean enabled);

    public abstract void setToolTipText(String text);

    /** A model without settings, for components that only show something. */
    protected static final class EmptySettingsModel extends SettingsModel {
        public EmptySettingsModel() {
        }

        @Override
        protected EmptySettingsModel createClone() {
            return new EmptySettingsModel();
        }

        @Override
        protected String getModelTypeID() {
            return "SMID_empty";
        }

        @Override
        protected String getConfigName() {
            return "empty";
        }

        @Override
        protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
            throws NotConfigurableException {
        }

        @Override
        protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        }

        @Override
        protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        }

        @Override
        protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        }

        @Override
        protected void saveSettingsForModel(final NodeSettingsWO settings) {
        }

        @Override
        public String toString() {
            return "EmptySettingsModel";
        }
    }
}
