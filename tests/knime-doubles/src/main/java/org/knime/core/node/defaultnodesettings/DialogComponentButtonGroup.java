package org.knime.core.node.defaultnodesettings;

import java.util.Arrays;
import java.util.List;

import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's DialogComponentButtonGroup (radio buttons whose action commands are the values). */
public class DialogComponentButtonGroup extends DialogComponent {
    private final String m_label;

    private final List<String> m_actionCommands;

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
