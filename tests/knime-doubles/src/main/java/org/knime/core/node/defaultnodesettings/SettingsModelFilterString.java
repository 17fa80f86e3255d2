package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's SettingsModelFilterString: include and exclude lists plus "keep all selected". */
public class SettingsModelFilterString extends SettingsModel {
    private static final String CFG_INCL = "InclList";

    private static final String CFG_EXCL = "ExclList";

    private static final String CFG_KEEPALL = "keep_all_columns_selected";

    private final String m_configName;

    private List<String> m_incl;

    private List<String> m_excl;

    private boolean m_keepAll;

    public SettingsModelFilterString(final String configName) {
        this(configName, new String[0], new String[0], false);
    }

    public SettingsModelFilterString(final String configName, final String[] defaultInclList,
        final String[] defaultExclList) {
        this(configName, defaultInclList, defaultExclList, false);
    }

    public SettingsModelFilterString(final String configName, final String[] defaultInclList,
        final String[] defaultExclList, final boolean keepAll) {
        this(configName, list(defaultInclList), list(defaultExclList), keepAll);
    }

    public SettingsModelFilterString(final String configName, final Collection<String> defaultInclList,
        final Collection<String> defaultExclList) {
        this(configName, defaultInclList, defaultExclList, false);
    }

    public SettingsModelFilterString(final String configName, final Collection<String> defaultInclList,
        final Collection<String> defaultExclList, final boolean keepAll) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The config name must be a non-empty string");
        }
        m_configName = configName;
        m_incl = new ArrayList<>(defaultInclList == null ? List.of() : defaultInclList);
        m_excl = new ArrayList<>(defaultExclList == null ? List.of() : defaultExclList);
        m_keepAll = keepAll;
    }

    private static List<String> list(final String[] a) {
        return a == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(a));
    }

    @Override
    protected SettingsModelFilterString createClone() {
        return new SettingsModelFilterString(m_configName, m_incl, m_excl, m_keepAll);
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_filterString";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    public List<String> getIncludeList() {
        return Collections.unmodifiableList(m_incl);
    }

    public List<String> getExcludeList() {
        return Collections.unmodifiableList(m_excl);
    }

    public boolean isKeepAllSelected() {
        return m_keepAll;
    }

    public void setIncludeList(final String[] newValue) {
        setNewValues(list(newValue), m_excl, m_keepAll);
    }

    public void setIncludeList(final Collection<String> newValue) {
        setNewValues(newValue, m_excl, m_keepAll);
    }

    public void setExcludeList(final String[] newValue) {
        setNewValues(m_incl, list(newValue), m_keepAll);
    }

    public void setExcludeList(final Collection<String> newValue) {
        setNewValues(m_incl, newValue, m_keepAll);
    }

    public void setKeepAllSelected(final boolean keepAll) {
        setNewValues(m_incl, m_excl, keepAll);
    }

    public final void setNewValues(final Collection<String> newInclList, final Collection<String> newExclList,
        final boolean keepAll) {
        m_incl = new ArrayList<>(newInclList == null ? List.of() : newInclList);
        m_excl = new ArrayList<>(newExclList == null ? List.of() : newExclList);
        m_keepAll = keepAll;
        notifyChangeListeners();
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current lists
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        sub.getStringArray(CFG_INCL);
        sub.getStringArray(CFG_EXCL);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        setNewValues(list(sub.getStringArray(CFG_INCL)), list(sub.getStringArray(CFG_EXCL)),
            sub.getBoolean(CFG_KEEPALL, false));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addStringArray(CFG_INCL, m_incl.toArray(new String[0]));
        sub.addStringArray(CFG_EXCL, m_excl.toArray(new String[0]));
        sub.addBoolean(CFG_KEEPALL, m_keepAll);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
