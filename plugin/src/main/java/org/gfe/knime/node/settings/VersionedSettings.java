package org.gfe.knime.node.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDouble;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The settings models of one node, saved together with a settings version, so that a workflow saved by an older
 * version of the node still loads: a key that the stored version did not know yet takes its default. With settings
 * of the current (or a newer) version every key must be present, and a missing one is named in the error.
 *
 * <p>Each model is created here with its key, so the key used to look it up is always the key it saves under.
 */
public final class VersionedSettings {

    /** Key of the settings version in a node's settings; absent in settings written before versioning (= 0). */
    public static final String VERSION_KEY = "gfe_settings_version";

    private final int currentVersion;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Enablement> rules = new ArrayList<>();

    /** @param currentVersion the version this node writes (1 for the first release) */
    public VersionedSettings(int currentVersion) {
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public SettingsModelInteger integer(String key, int defaultValue) {
        return add(key, new SettingsModelInteger(key, defaultValue), 1);
    }

    public SettingsModelDouble number(String key, double defaultValue) {
        return add(key, new SettingsModelDouble(key, defaultValue), 1);
    }

    public SettingsModelString string(String key, String defaultValue) {
        return add(key, new SettingsModelString(key, defaultValue), 1);
    }

    public SettingsModelBoolean bool(String key, boolean defaultValue) {
        return add(key, new SettingsModelBoolean(key, defaultValue), 1);
    }

    @SafeVarargs
    public final SettingsModelColumnFilter2 columns(String key, Class<? extends DataValue>... types) {
        return add(key, new SettingsModelColumnFilter2(key, types), 1);
    }

    /**
     * Registers a model that saves under {@code key} and was introduced in settings version {@code since}.
     *
     * @return the model
     */
    public <T extends SettingsModel> T add(String key, T model, int since) {
        NodeSettings defaults = new NodeSettings("defaults");
        model.saveSettingsTo(defaults);
        entries.add(new Entry(key, model, since, defaults));
        return model;
    }

    /**
     * Enables the {@code dependents} only while {@code applies} holds: checked now, whenever a {@code trigger}
     * changes, and after settings are loaded (see {@link Enablement}).
     */
    public void enableWhen(BooleanSupplier applies, List<? extends SettingsModel> triggers,
            SettingsModel... dependents) {
        rules.add(Enablement.when(applies, triggers, dependents));
    }

    /** Enables the {@code dependents} only while the constant named by {@code selector} is one of {@code when}. */
    public <E extends Enum<E>> void enableFor(SettingsModelString selector, ChoiceLabels<E> choices, Set<E> when,
            SettingsModel... dependents) {
        rules.add(Enablement.forChoice(selector, choices, when, dependents));
    }

    /** Re-checks every enablement rule (after loading, a stored enabled state may no longer fit the values). */
    public void applyEnablement() {
        for (Enablement rule : rules) {
            rule.apply();
        }
    }

    /**
     * The model registered under {@code key}.
     *
     * @throws IllegalArgumentException if no model has that key
     */
    public SettingsModel model(String key) {
        for (Entry entry : entries) {
            if (entry.key.equals(key)) {
                return entry.model;
            }
        }
        throw new IllegalArgumentException("No setting has the key '" + key + "'; the keys are " + keys() + ".");
    }

    /** The registered keys, in registration order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Entry entry : entries) {
            keys.add(entry.key);
        }
        return Collections.unmodifiableList(keys);
    }

    /** Writes the version and every model. */
    public void save(NodeSettingsWO settings) {
        saveVersion(settings);
        for (Entry entry : entries) {
            entry.model.saveSettingsTo(settings);
        }
    }

    /** Writes only the version key (the dialog's models write themselves). */
    public void saveVersion(NodeSettingsWO settings) {
        settings.addInt(VERSION_KEY, currentVersion);
    }

    /** Checks the stored values without loading them. */
    public void validate(NodeSettingsRO settings) throws InvalidSettingsException {
        int stored = storedVersion(settings);
        for (Entry entry : entries) {
            if (settings.containsKey(entry.key)) {
                entry.model.validateSettings(settings);
            } else {
                requireOptional(entry, stored);
            }
        }
    }

    /**
     * Loads every model; a key unknown to the stored version resets its model to the default. Then every enablement
     * rule is re-checked.
     */
    public void load(NodeSettingsRO settings) throws InvalidSettingsException {
        int stored = storedVersion(settings);
        for (Entry entry : entries) {
            if (settings.containsKey(entry.key)) {
                entry.model.loadSettingsFrom(settings);
            } else {
                requireOptional(entry, stored);
                entry.model.loadSettingsFrom(entry.defaults);
            }
        }
        applyEnablement();
    }

    /** The settings version stored in {@code settings}; 0 if absent. */
    public static int storedVersion(NodeSettingsRO settings) {
        return settings.getInt(VERSION_KEY, 0);
    }

    private void requireOptional(Entry entry, int storedVersion) throws InvalidSettingsException {
        if (storedVersion >= entry.since) {
            throw new InvalidSettingsException("Setting '" + entry.key + "' is missing from the node settings"
                    + " (settings version " + storedVersion + "). Open the node's dialog and apply it to write a"
                    + " complete configuration.");
        }
    }

    private record Entry(String key, SettingsModel model, int since, NodeSettings defaults) {
    }
}
