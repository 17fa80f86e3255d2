package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.message.Message;

/** NodeModel warnings as messages: summary for the old API, listeners on change, history for tests. */
class WarningsTest {
    private static final class Model extends NodeModel {
        Model() {
            super(0, 0);
        }

        @Override
        protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) {
            return new DataTableSpec[0];
        }

        @Override
        protected void saveSettingsTo(final NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(final NodeSettingsRO settings) {
        }

        @Override
        protected void loadInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(final File nodeInternDir, final ExecutionMonitor exec) {
        }

        @Override
        protected void reset() {
        }
    }

    @Test
    void warningsAreMessagesAndListenersHearChanges() {
        final Model model = new Model();
        final List<Message> heard = new ArrayList<>();
        model.addWarningListener(heard::add);
        final Message m = model.createMessageBuilder().withSummary("Column ignored").addResolutions("Remove it.").build()
            .orElseThrow();
        model.setWarning(m);
        assertSame(m, model.getWarning());
        assertEquals("Column ignored", model.getWarningMessage());
        model.setWarning(Message.fromSummaryWithResolution("Column ignored", "Remove it."));
        assertEquals(1, heard.size(), "an equal message is no change");
        model.setWarningMessage("plain");
        assertEquals(List.of("Remove it."), model.warningMessageHistory().get(0).getResolutions());
        assertEquals(List.of(), model.getWarning().getResolutions());
        model.setWarningMessage(null);
        assertNull(model.getWarning());
        assertNull(heard.get(heard.size() - 1));
        assertEquals(List.of("Column ignored", "Column ignored", "plain"), model.warningHistory());
        assertThrows(NullPointerException.class, () -> model.addWarningListener(null));
    }
}
