package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ButtonGroupEnumInterface;

/** Double of KNIME's DialogComponentButtonGroup (radio buttons whose action commands are the values). */
public class DialogComponentButtonGroup extends DialogComponent {
    private final String m_label;

    private final List<String> m_actionCommands;

    private final List<String> m_labels;

    private final String m_defaultCommand;

    /**
     * One button per element (label {@code getText()}, value {@code getActionCommand()}); the element that
     * {@code isDefault()} (else the first) is selected initially. IllegalArgumentException for no elements or a
     * duplicate action command.
     */
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final ButtonGroupEnumInterface[] elements) {
        super(stringModel);
        if (elements == null || elements.length < 1) {
            throw new IllegalArgumentException("Elements must not be null");
        }
        final Set<String> unique = new HashSet<>();
        for (ButtonGroupEnumInterface e : elements) {
            if (!unique.add(e.getActionCommand())) {
                throw new IllegalArgumentException("Duplicate action command found in elements");
            }
        }
        m_label = label;
        m_actionCommands = Arrays.stream(elements).map(ButtonGroupEnumInterface::getActionCommand).toList();
        m_labels = Arrays.stream(elements).map(ButtonGroupEnumInterface::getText).toList();
        m_defaultCommand = Arrays.stream(elements).filter(ButtonGroupEnumInterface::isDefault).findFirst()
            .orElse(elements[0]).getActionCommand();
    }

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final boolean isVertical,
        final String label, final String... elements) {
        this(stringModel, label, isVertical, elements, elements);
    }

    @Deprecated
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String defaultElement,
        final boolean isVertical, final String label, final String... elements) {
        this(stringModel, label, isVertical, elements, elements);
    }

    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] elements, final String[] actionCommands) {
        this(stringModel, label, vertical, elements, actionCommands, null);
    }

    @Deprecated
    public DialogComponentButtonGroup(final SettingsModelString stringModel, final String label,
        final boolean vertical, final String[] elements, final String[] actionCommands, final String defaultElement) {
        super(stringModel);
        if (elements.length != actionCommands.length) {
            throw new IllegalArgumentException("\"" + label + "\": " + elements.length + " labels but "
                + actionCommands.length + " action commands");
        }
        m_label = label;
        m_actionCommands = Arrays.asList(actionCommands.clone());
        m_labels = Arrays.asList(elements.clone());
        m_defaultCommand = defaultElement != null && m_actionCommands.contains(defaultElement) ? defaultElement
            : actionCommands.length > 0 ? actionCommands[0] : null;
    }

    @Override
    String labelText() {
        return m_label;
    }

    @Override
    protected void updateComponent() {
        // the model is the state
    }

    @Override
    protected void validateSettingsBeforeSave() {
        // a radio group always has a selection
    }

    /** The values of the buttons (for tests). */
    List<String> actionCommands() {
        return m_actionCommands;
    }

    /** The labels of the buttons (for tests). */
    List<String> labels() {
        return m_labels;
    }

    /** The value of the button selected before the model's value is shown (for tests). */
    String defaultActionCommand() {
        return m_defaultCommand;
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) {
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
