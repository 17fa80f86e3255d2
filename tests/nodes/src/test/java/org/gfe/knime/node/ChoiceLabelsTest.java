package org.gfe.knime.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gfe.knime.core.encode.FlowOrder;
import org.gfe.knime.core.encode.IntegratorKind;
import org.gfe.knime.node.settings.ChoiceLabels;
import org.gfe.knime.node.settings.GfeChoices;
import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Labels of choices: complete, found case-insensitively by name, and used to put the core's messages in words. */
class ChoiceLabelsTest {

    @Test
    void everyConstantNeedsALabelOfItsOwn() {
        assertThrows(IllegalStateException.class, () -> ChoiceLabels.of(FlowOrder.class)
                .add(FlowOrder.FIRST, "First", "...").build(), "SECOND has no label");
        assertThrows(IllegalStateException.class, () -> ChoiceLabels.of(FlowOrder.class)
                .add(FlowOrder.FIRST, "Same", "...").add(FlowOrder.SECOND, "Same", "...").build());
        assertThrows(IllegalStateException.class, () -> ChoiceLabels.of(FlowOrder.class)
                .add(FlowOrder.FIRST, "FIRST", "...").add(FlowOrder.SECOND, "Second", "...").build());
    }

    @Test
    void storedNamesAreFoundAsFlowVariablesGiveThem() throws Exception {
        assertEquals(IntegratorKind.RK4, GfeChoices.INTEGRATOR.find(" rk4 "));
        assertNull(GfeChoices.INTEGRATOR.find("RK5"));
        assertEquals("Runge-Kutta 4, fixed steps", GfeChoices.INTEGRATOR.labelOf("RK4"));
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> GfeChoices.INTEGRATOR.parse(new SettingsModelString("integrator", "RK5"), "Integrator"));
        assertTrue(e.getMessage().contains("'Integrator' is 'RK5'"), e.getMessage());
        assertTrue(e.getMessage().contains("RK4 (Runge-Kutta 4, fixed steps)"), e.getMessage());
    }

    @Test
    void theCoresMessagesArePutInTheDialogsWords() {
        assertEquals("The 'Euler, fixed steps' integrator cannot solve the 'Second order (with momentum)' flow.",
                GfeChoices.inWords("The EULER integrator cannot solve the SECOND-order flow."));
        assertEquals("Choose 'min-max (to [0, 1])' normalisation, or the 'Mean squared error' loss.",
                GfeChoices.inWords("Choose MIN_MAX normalisation, or the MSE loss."));
        assertEquals("Row 'r1', column 'RK4' is NaN: fix it.",
                GfeChoices.inWords("Row 'r1', column 'RK4' is NaN: fix it."), "quoted names and NaN stay");
        assertNull(GfeChoices.inWords(null));
    }
}
