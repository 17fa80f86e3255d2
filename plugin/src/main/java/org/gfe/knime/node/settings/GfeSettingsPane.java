package org.gfe.knime.node.settings;

import java.util.List;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentNumberEdit;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObjectSpec;

/**
 * The dialogs' common base: components with a flow variable button next to each value, enum choices shown by their
 * labels ({@link #choice(SettingsModelString, String, ChoiceLabels)}), and the settings version written with the
 * dialog's settings (so the node model knows which keys to expect). Which options apply when is declared with the
 * settings models themselves ({@link VersionedSettings#enableFor}), so the dialog's components follow it; the rules
 * are re-checked after the dialog has loaded its settings.
 *
 * <pre>{@code
 * choice(s.integrator, "Integrator", GfeChoices.INTEGRATOR);   // shows "Runge-Kutta 4, fixed steps", stores RK4
 * integer(s.gridPoints, "Grid points", 100).setToolTipText("Euler and Runge-Kutta 4 only");
 * }</pre>
 */
public abstract class GfeSettingsPane extends DefaultNodeSettingsPane {

    private static final int FIELD_WIDTH = 10;

    private final VersionedSettings versioned;

    protected GfeSettingsPane(VersionedSettings versioned) {
        this.versioned = versioned;
    }

    /** A whole-number spinner. */
    protected DialogComponentNumber integer(SettingsModelInteger model, String label, int step) {
        DialogComponentNumber component = new DialogComponentNumber(model, label, step,
                createFlowVariableModel(model));
        addDialogComponent(component);
        return component;
    }

    /** A free number field (doubles span many magnitudes, e.g. 1e-9 to 1e4, which a spinner would round). */
    protected DialogComponentNumberEdit number(SettingsModelDouble model, String label) {
        DialogComponentNumberEdit component = new DialogComponentNumberEdit(model, label, FIELD_WIDTH,
                createFlowVariableModel(model));
        addDialogComponent(component);
        return component;
    }

    /** A drop-down showing the choices' labels; the setting stores the chosen constant's name. */
    protected <E extends Enum<E>> DialogComponentChoice<E> choice(SettingsModelString model, String label,
            ChoiceLabels<E> choices) {
        DialogComponentChoice<E> component = new DialogComponentChoice<>(model, label, choices,
                createFlowVariableModel(model));
        addDialogComponent(component);
        return component;
    }

    /**
     * A drop-down of the raw strings.
     *
     * @deprecated shows the stored names (e.g. enum constants) to the user; use
     *             {@link #choice(SettingsModelString, String, ChoiceLabels)}
     */
    @Deprecated
    protected void choice(SettingsModelString model, String label, List<String> choices) {
        addDialogComponent(new DialogComponentStringSelection(model, label, choices, false,
                createFlowVariableModel(model)));
    }

    protected DialogComponentString text(SettingsModelString model, String label) {
        DialogComponentString component = new DialogComponentString(model, label, false, FIELD_WIDTH,
                createFlowVariableModel(model));
        addDialogComponent(component);
        return component;
    }

    protected DialogComponentBoolean check(SettingsModelBoolean model, String label) {
        DialogComponentBoolean component = new DialogComponentBoolean(model, label);
        addDialogComponent(component);
        return component;
    }

    /** The dialog's settings model saved under {@code key} (e.g. to check which options are enabled). */
    public final SettingsModel settingsModel(String key) {
        return versioned.model(key);
    }

    /**
     * Re-checks which options apply once every component has loaded (stored enabled states may be stale). A dialog
     * that overrides this calls it.
     */
    @Override
    public void loadAdditionalSettingsFrom(NodeSettingsRO settings, PortObjectSpec[] specs)
            throws NotConfigurableException {
        super.loadAdditionalSettingsFrom(settings, specs);
        versioned.applyEnablement();
    }

    @Override
    public void saveAdditionalSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException {
        versioned.saveVersion(settings);
    }
}
