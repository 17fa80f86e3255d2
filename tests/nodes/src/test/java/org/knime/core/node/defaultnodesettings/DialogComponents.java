package org.knime.core.node.defaultnodesettings;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user sees of a default dialog of the doubles, for dialog tests: each component's label and, for radio
 * button groups, each button's text, with its settings model (the doubles' components have no widgets; the model's
 * enabled state is what KNIME's widgets show).
 */
public final class DialogComponents {

    /** One component: its label, the texts of its choices (buttons), its model. */
    public record Shown(String label, List<String> choices, SettingsModel model) {
    }

    private DialogComponents() {
    }

    /** The pane's components in the order they were added. */
    @SuppressWarnings("unchecked")
    public static List<Shown> of(final DefaultNodeSettingsPane pane) throws ReflectiveOperationException {
        // the double keeps its components in a private list, as KNIME's pane does
        final Field field = DefaultNodeSettingsPane.class.getDeclaredField("m_components");
        field.setAccessible(true);
        final List<Shown> shown = new ArrayList<>();
        for (DialogComponent component : (List<DialogComponent>)field.get(pane)) {
            final List<String> choices = component instanceof DialogComponentButtonGroup group ? group.labels()
                : component instanceof DialogComponentStringSelection selection ? selection.items()
                : List.of();
            shown.add(new Shown(component.labelText(), choices, component.getModel()));
        }
        return shown;
    }
}
