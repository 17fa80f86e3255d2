package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/** Double of KNIME's SettingsModelColumnName: a column name or "use the row ID", in a sub-config. */
public class SettingsModelColumnName extends SettingsModelString {
    private static final String CFG_COLUMN = "columnName";

    private static final String CFG_ROWID = "useRowID";

    private boolean m_useRowID;

    public SettingsModelColumnName(final String configName, final String defaultValue) {
        super(configName, defaultValue);
    }

    @Override
    protected SettingsModelColumnName createClone() {
        final SettingsModelColumnName clone = new SettingsModelColumnName(getConfigName(), getStringValue());
        clone.m_useRowID = m_useRowID;
        return clone;
    }

    @Override
    protected String getConfigName() {
        return super.getConfigName();
    }

    /** The column name, or null if the row ID is selected. */
    public String getColumnName() {
        return m_useRowID ? null : getStringValue();
    }

    public boolean useRowID() {
        return m_useRowID;
    }

    public void setSelection(final String columnName, final boolean useRowID) {
        final boolean changed = useRowID != m_useRowID;
        m_useRowID = useRowID;
        setStringValue(useRowID ? null : columnName);
        if (changed) {
            notifyChangeListeners();
        }
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current selection
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(getConfigName());
        sub.getString(CFG_COLUMN);
        sub.getBoolean(CFG_ROWID);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(getConfigName());
        setSelection(sub.getString(CFG_COLUMN), sub.getBoolean(CFG_ROWID));
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(getConfigName());
        sub.addString(CFG_COLUMN, getStringValue());
        sub.addBoolean(CFG_ROWID, m_useRowID);
    }
}
