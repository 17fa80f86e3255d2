package org.knime.core.node.defaultnodesettings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Double of KNIME's SettingsModel. Besides its value, each model saves a sub-config
 * {@code <configName>_Internals} with its type id and enabled state, as KNIME does; loading accepts settings
 * without it (older node versions) and rejects one written by a model of another type.
 */
public abstract class SettingsModel {
    public static final String CFGKEY_INTERNAL = "_Internals";

    private static final String CFGKEY_MODELID = "SettingsModelID";

    private static final String CFGKEY_ENABLED = "EnabledStatus";

    private final List<ChangeListener> m_listeners = new CopyOnWriteArrayList<>();

    private boolean m_enabled = true;

    public SettingsModel() {
    }

    protected abstract <T extends SettingsModel> T createClone();

    protected abstract String getModelTypeID();

    protected abstract String getConfigName();

    protected abstract void loadSettingsForDialog(NodeSettingsRO settings, PortObjectSpec[] specs)
        throws NotConfigurableException;

    protected abstract void saveSettingsForDialog(NodeSettingsWO settings) throws InvalidSettingsException;

    protected abstract void validateSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadSettingsForModel(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void saveSettingsForModel(NodeSettingsWO settings);

    @Override
    public abstract String toString();

    /** A copy holding the value from {@code settings} (validated); this model is unchanged. */
    public final <T extends SettingsModel> T createCloneWithValidatedValue(final NodeSettingsRO settings)
        throws InvalidSettingsException {
        final T clone = createClone();
        clone.loadSettingsFrom(settings);
        return clone;
    }

    public final void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        checkModelId(settings);
        validateSettingsForModel(settings);
    }

    public final void loadSettingsFrom(final NodeSettingsRO settings) throws InvalidSettingsException {
        checkModelId(settings);
        loadSettingsForModel(settings);
        final String internals = getConfigName() + CFGKEY_INTERNAL;
        if (settings.containsKey(internals)) {
            setEnabled(settings.getNodeSettings(internals).getBoolean(CFGKEY_ENABLED, m_enabled));
        }
    }

    public final void saveSettingsTo(final NodeSettingsWO settings) {
        saveSettingsForModel(settings);
        saveInternals(settings);
    }

    private void saveInternals(final NodeSettingsWO settings) {
        final NodeSettingsWO internals = settings.addNodeSettings(getConfigName() + CFGKEY_INTERNAL);
        internals.addString(CFGKEY_MODELID, getModelTypeID());
        internals.addBoolean(CFGKEY_ENABLED, m_enabled);
    }

    private void checkModelId(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String internals = getConfigName() + CFGKEY_INTERNAL;
        if (settings.containsKey(internals)) {
            final String id = settings.getNodeSettings(internals).getString(CFGKEY_MODELID, getModelTypeID());
            if (!getModelTypeID().equals(id)) {
                throw new InvalidSettingsException("Setting \"" + getConfigName() + "\" was written by a " + id
                    + " model but is read by a " + getModelTypeID() + " model; use one key per setting");
            }
        }
    }

    /** Dialog side of loading (used by dialog components); keeps the current value where settings lack one. */
    final void dialogLoadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        loadSettingsForDialog(settings, specs);
        final String internals = getConfigName() + CFGKEY_INTERNAL;
        try {
            if (settings.containsKey(internals)) {
                setEnabled(settings.getNodeSettings(internals).getBoolean(CFGKEY_ENABLED, m_enabled));
            }
        } catch (InvalidSettingsException e) {
            // keep the enabled state
        }
    }

    /** Dialog side of saving (used by dialog components). */
    final void dialogSaveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        if (this instanceof DialogComponent.EmptySettingsModel) {
            return;
        }
        saveSettingsForDialog(settings);
        saveInternals(settings);
    }

    public boolean isEnabled() {
        return m_enabled;
    }

    public void setEnabled(final boolean enabled) {
        final boolean changed = enabled != m_enabled;
        m_enabled = enabled;
        if (changed) {
            notifyChangeListeners();
        }
    }

    public void addChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(l);
        }
    }

    protected void prependChangeListener(final ChangeListener l) {
        if (!m_listeners.contains(l)) {
            m_listeners.add(0, l);
        }
    }

    public void removeChangeListener(final ChangeListener l) {
        m_listeners.remove(l);
    }

    protected void notifyChangeListeners() {
        final ChangeEvent e = new ChangeEvent(this);
        for (ChangeListener l : m_listeners) {
            l.stateChanged(e);
        }
    }
}
