package org.gfe.knime.node.settings;

import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.event.ItemEvent;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.DialogComponent;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A drop-down of an enum's choices that shows their {@link ChoiceLabels labels} (with the description as tooltip)
 * and stores the chosen constant's name in a string setting. KNIME's string selection would store what it shows;
 * this one shows words and stores names, so settings, flow variables and old workflows keep working.
 *
 * <p>Follows its model like KNIME's own components: a value set on the model is selected, a disabled model disables
 * the drop-down, and so does a flow variable that overrides the setting.
 *
 * @param <E> the enum
 */
public final class DialogComponentChoice<E extends Enum<E>> extends DialogComponent {

    private final ChoiceLabels<E> choices;
    private final String labelText;
    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 5, 2));
    private final JLabel label;
    private final JComboBox<E> box;
    private final FlowVariableModel variable;
    private boolean updating;

    /**
     * @param model the string setting holding the constant's name
     * @param label the setting's label
     * @param choices the labels of the constants offered
     * @param variable the setting's flow variable model, or null
     */
    public DialogComponentChoice(SettingsModelString model, String label, ChoiceLabels<E> choices,
            FlowVariableModel variable) {
        super(model);
        this.choices = choices;
        this.labelText = label;
        this.variable = variable;
        this.label = new JLabel(label);
        DefaultComboBoxModel<E> items = new DefaultComboBoxModel<>();
        for (E constant : choices.constants()) {
            items.addElement(constant);
        }
        box = new JComboBox<>(items);
        box.setRenderer(new LabelRenderer());
        box.addItemListener(this::onSelect);
        this.label.setLabelFor(box);
        panel.add(this.label);
        panel.add(box);
        panel.putClientProperty(DialogComponentChoice.class, this); // lets tests find the component from the panel
        if (variable != null) {
            variable.addChangeListener(e -> setEnabledComponents(getModel().isEnabled()));
        }
        updateComponent();
    }

    private void onSelect(ItemEvent event) {
        if (!updating && event.getStateChange() == ItemEvent.SELECTED) {
            ((SettingsModelString) getModel()).setStringValue(type().cast(event.getItem()).name());
        }
    }

    private Class<E> type() {
        return choices.type();
    }

    /** The setting's label. */
    public String labelText() {
        return labelText;
    }

    /** The choices offered, with their labels. */
    public ChoiceLabels<E> choices() {
        return choices;
    }

    /** The drop-down (what the user clicks). */
    public JComboBox<E> comboBox() {
        return box;
    }

    /** The constant selected, or null if the setting holds a name that is no choice (e.g. from a flow variable). */
    public E selected() {
        return type().cast(box.getSelectedItem());
    }

    @Override
    public JPanel getComponentPanel() {
        return panel;
    }

    @Override
    protected void updateComponent() {
        if (box == null) {
            return; // called by a listener before construction finished
        }
        E current = choices.find(((SettingsModelString) getModel()).getStringValue());
        updating = true;
        try {
            box.setSelectedItem(current);
        } finally {
            updating = false;
        }
        box.setToolTipText(current == null ? null : choices.description(current));
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (box.getSelectedItem() == null) {
            throw new InvalidSettingsException("Choose a value for '" + labelText + "'; '"
                    + ((SettingsModelString) getModel()).getStringValue() + "' is not one of "
                    + choices.allowed() + ".");
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(PortObjectSpec[] specs) {
        // needs no input
    }

    @Override
    protected void setEnabledComponents(boolean enabled) {
        if (box == null) {
            return;
        }
        boolean byVariable = variable != null && variable.isVariableReplacementEnabled();
        box.setEnabled(enabled && !byVariable);
        label.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(String text) {
        label.setToolTipText(text);
    }

    /** Shows a constant by its label, with its description as tooltip. */
    private final class LabelRenderer extends DefaultListCellRenderer {

        private static final long serialVersionUID = 1L;

        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean isSelected,
                boolean cellHasFocus) {
            E constant = type().isInstance(value) ? type().cast(value) : null;
            String text = constant == null ? " " : choices.label(constant);
            Component shown = super.getListCellRendererComponent(list, text, index, isSelected, cellHasFocus);
            setToolTipText(constant == null ? null : choices.description(constant));
            return shown;
        }
    }
}
