package org.gfe.knime.node.settings;

import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The dialogs' common base: components with a flow variable button next to each value, and the settings version
 * written with the dialog's settings (so the node model knows which keys to expect).
 */
public abstract class GfeSettingsPane extends DefaultNodeSettingsPane {

    private static final int FIELD_WIDTH = 10;

    private final VersionedSettings versioned;

    protected GfeSettingsPane(VersionedSettings versioned) {
        this.versioned = versioned;
    }

    /** A whole-number spinner. */
    protected void integer(SettingsModelInteger model, String label, int step) {
        addDialogComponent(new DialogComponentNumber(model, label, step, createFlowVariableModel(model)));
    }

    /** A free number field (doubles span many magnitudes, e.g. 1e-9 to 1e4, which a spinner would round). */
    protected void number(SettingsModelDouble model, String label) {
        addDialogComponent(new DialogComponentNumberEdit(model, label, FIELD_WIDTH, createFlowVariableModel(model)));
    }

    /** A drop-down of choices (enum names). */
    protected void choice(SettingsModelString model, String label, List<String> choices) {
        addDialogComponent(new DialogComponentStringSelection(model, label, choices, false,
                createFlowVariableModel(model)));
    }

    protected void text(SettingsModelString model, String label) {
        addDialogComponent(new DialogComponentString(model, label, false, FIELD_WIDTH,
                createFlowVariableModel(model)));
    }

    protected void check(SettingsModelBoolean model, String label) {
        addDialogComponent(new DialogComponentBoolean(model, label));
    }

    @Override
    public void saveAdditionalSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        versioned.saveVersion(settings);
    }
}
