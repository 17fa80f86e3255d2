package org.knime.core.node.defaultnodesettings;

import java.util.Optional;

import javax.swing.JLabel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentNumber (spinner); the spinner is created on request. */
public class DialogComponentNumber extends DialogComponent {
    private final String m_label;

    private final Number m_step;

    private String m_toolTip;

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize) {
        this(numberModel, label, stepSize, 10, null);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth) {
        this(numberModel, label, stepSize, compWidth, null);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final FlowVariableModel fvm) {
        this(numberModel, label, stepSize, 10, fvm);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth, final FlowVariableModel fvm) {
        this(numberModel, label, stepSize, compWidth, fvm, false, null);
    }

    public DialogComponentNumber(final SettingsModelNumber numberModel, final String label, final Number stepSize,
        final int compWidth, final FlowVariableModel fvm, final boolean showWarning, final String warningText) {
        super(numberModel);
        if (stepSize == null) {
            throw new NullPointerException("Step size of \"" + label + "\" must not be null");
        }
        m_label = label;
        m_step = stepSize;
    }

    @Override
    String labelText() {
        return m_label;
    }

    public JLabel getLabel() {
        return new JLabel(m_label);
    }

    /** A spinner showing the current value (not connected back to the model). */
    public JSpinner getSpinner() {
        final Number v = ((SettingsModelNumber)getModel()).numberValue();
        final JSpinner spinner = new JSpinner(v instanceof Double
            ? new SpinnerNumberModel(v.doubleValue(), null, null, m_step.doubleValue())
            : new SpinnerNumberModel(v.longValue(), null, null, m_step.longValue()));
        spinner.setToolTipText(m_toolTip);
        return spinner;
    }

    public Optional<JLabel> getWarningLabel() {
        return Optional.empty();
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
        m_toolTip = text;
    }
}
