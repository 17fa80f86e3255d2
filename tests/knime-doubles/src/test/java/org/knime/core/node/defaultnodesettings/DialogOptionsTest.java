package org.knime.core.node.defaultnodesettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import javax.swing.Icon;

import org.junit.jupiter.api.Test;
import org.knime.core.node.util.ButtonGroupEnumInterface;
import org.knime.core.node.util.StringIconOption;

/** Button groups from ButtonGroupEnumInterface enums, string selections from StringIconOptions. */
class DialogOptionsTest {
    private enum Solver implements ButtonGroupEnumInterface {
        EULER("Euler", false), RK4("Runge-Kutta 4", true);

        private final String m_text;

        private final boolean m_default;

        Solver(final String text, final boolean isDefault) {
            m_text = text;
            m_default = isDefault;
        }

        @Override
        public String getText() {
            return m_text;
        }

        @Override
        public String getActionCommand() {
            return name();
        }

        @Override
        public String getToolTip() {
            return null;
        }

        @Override
        public boolean isDefault() {
            return m_default;
        }
    }

    private record Option(String getText) implements StringIconOption {
        @Override
        public Icon getIcon() {
            return null;
        }
    }

    @Test
    void buttonGroupTakesLabelsCommandsAndDefaultFromTheEnum() {
        final DialogComponentButtonGroup group = new DialogComponentButtonGroup(new SettingsModelString("solver", "RK4"),
            "Solver", true, Solver.values());
        assertEquals(List.of("EULER", "RK4"), group.actionCommands());
        assertEquals(List.of("Euler", "Runge-Kutta 4"), group.labels());
        assertEquals("RK4", group.defaultActionCommand());
        assertThrows(IllegalArgumentException.class, () -> new DialogComponentButtonGroup(
            new SettingsModelString("s", "a"), "x", false, new ButtonGroupEnumInterface[0]));
        assertThrows(IllegalArgumentException.class, () -> new DialogComponentButtonGroup(
            new SettingsModelString("s", "a"), "x", false, new ButtonGroupEnumInterface[]{Solver.EULER, Solver.EULER}));
    }

    @Test
    void stringSelectionOffersTheOptionsTexts() {
        final SettingsModelString model = new SettingsModelString("loss", "MSE");
        final DialogComponentStringSelection selection = new DialogComponentStringSelection(model, "Loss",
            new StringIconOption[]{new Option("MSE"), new Option("BCE")});
        assertEquals(List.of("MSE", "BCE"), selection.items());
        selection.replaceListItems(new StringIconOption[]{new Option("AUTO")}, "AUTO");
        assertEquals(List.of("AUTO"), selection.items());
        assertEquals("AUTO", model.getStringValue());
        assertThrows(IllegalArgumentException.class,
            () -> new DialogComponentStringSelection(model, "Loss", new StringIconOption[0]));
        assertThrows(NullPointerException.class,
            () -> new DialogComponentStringSelection(model, "Loss", new StringIconOption[]{null}));
        assertThrows(NullPointerException.class, () -> selection.replaceListItems((StringIconOption[])null, null));
    }
}
