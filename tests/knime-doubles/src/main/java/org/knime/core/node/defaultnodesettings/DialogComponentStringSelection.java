package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.knime.core.node.FlowVariableModel;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.StringIconOption;

/** Double of KNIME's DialogComponentStringSelection (combo box); saving requires a selected value. */
public final class DialogComponentStringSelection extends DialogComponent {
    private final String m_label;

    private final List<String> m_items = new ArrayList<>();

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final String... list) {
        this(stringModel, label, Arrays.asList(list), false, null);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list) {
        this(stringModel, label, list, false, null);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable) {
        this(stringModel, label, list, editable, null);
    }

    /** The options' texts are the items (icons are not shown by the double). */
    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final StringIconOption[] list) {
        this(stringModel, label, list, null);
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final StringIconOption[] list, final FlowVariableModel fvm) {
        this(stringModel, label, texts(list, "Selection list of options shouldn't be null or empty"), false, fvm);
    }

    private static List<String> texts(final StringIconOption[] options, final String whenEmpty) {
        if (options == null || options.length == 0) {
            throw new IllegalArgumentException(whenEmpty);
        }
        final List<String> texts = new ArrayList<>();
        for (StringIconOption o : options) {
            if (o == null) {
                throw new NullPointerException("Options in the selection list can't be null");
            }
            texts.add(o.getText());
        }
        return texts;
    }

    public DialogComponentStringSelection(final SettingsModelString stringModel, final String label,
        final Collection<String> list, final boolean editable, final FlowVariableModel fvm) {
        super(stringModel);
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException("Selection list of \"" + label + "\" must not be empty");
        }
        m_label = label;
        m_items.addAll(list);
    }

    @Override
    String labelText() {
        return m_label;
    }

    /** The items offered (for tests). */
    List<String> items() {
        return new ArrayList<>(m_items);
    }

    public void replaceListItems(final Collection<String> newItems, final String select) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("Selection list of \"" + m_label + "\" must not be empty");
        }
        m_items.clear();
        m_items.addAll(newItems);
        if (select != null) {
            ((SettingsModelString)getModel()).setStringValue(select);
        }
    }

    /** Replaces the items by the options' texts; {@code select} (if not null) becomes the model's value. */
    public void replaceListItems(final StringIconOption[] newItems, final String select) {
        if (newItems == null || newItems.length < 1) {
            throw new NullPointerException("The container with the new items can't be null or empty.");
        }
        replaceListItems(texts(newItems, "The container with the new items can't be null or empty."), select);
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
        if (((SettingsModelString)getModel()).getStringValue() == null) {
            throw new InvalidSettingsException("Please select an item from the list \"" + m_label + "\"");
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
