package org.knime.core.node;

import java.awt.BorderLayout;
import java.awt.Component;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.defaultnodesettings.SettingsModelFlowVariableCompatible;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.VariableType;

/**
 * Double of KNIME's NodeDialogPane: named tabs, settings load/save and flow variable models. Swing components
 * are only assembled by {@link #getPanel()}, which works headless.
 */
public abstract class NodeDialogPane {
    private final LinkedHashMap<String, Component> m_tabs = new LinkedHashMap<>();

    private final Map<String, FlowVariable> m_availableVariables = new LinkedHashMap<>();

    private String m_selected;

    protected NodeDialogPane() {
    }

    // ---- tabs ----

    protected final void addTab(final String title, final Component comp) {
        addTabAt(m_tabs.size(), title, comp);
    }

    protected final void addTab(final String title, final Component comp, final boolean wrapInScrollPane) {
        addTab(title, comp);
    }

    protected final int addTabAt(final int index, final String title, final Component comp) {
        if (m_tabs.containsKey(title)) {
            throw new IllegalArgumentException("A tab \"" + title + "\" exists already");
        }
        final List<Map.Entry<String, Component>> entries = new ArrayList<>(m_tabs.entrySet());
        final int at = Math.max(0, Math.min(index, entries.size()));
        entries.add(at, Map.entry(title, comp));
        m_tabs.clear();
        entries.forEach(e -> m_tabs.put(e.getKey(), e.getValue()));
        return at;
    }

    protected final int addTabAt(final int index, final String title, final Component comp,
        final boolean wrapInScrollPane) {
        return addTabAt(index, title, comp);
    }

    protected final Component getTab(final String title) {
        return m_tabs.get(title);
    }

    protected final int getTabIndex(final String title) {
        return new ArrayList<>(m_tabs.keySet()).indexOf(title);
    }

    protected final List<String> getTabTitles() {
        return Collections.unmodifiableList(new ArrayList<>(m_tabs.keySet()));
    }

    protected final void removeTab(final String title) {
        m_tabs.remove(title);
    }

    protected final void renameTab(final String oldTitle, final String newTitle) {
        final List<Map.Entry<String, Component>> entries = new ArrayList<>(m_tabs.entrySet());
        m_tabs.clear();
        entries.forEach(e -> m_tabs.put(e.getKey().equals(oldTitle) ? newTitle : e.getKey(), e.getValue()));
    }

    protected final boolean setSelected(final String title) {
        if (!m_tabs.containsKey(title)) {
            return false;
        }
        m_selected = title;
        return true;
    }

    protected final void setEnabled(final boolean enabled, final String title) {
        final Component c = m_tabs.get(title);
        if (c != null) {
            c.setEnabled(enabled);
        }
    }

    protected void setToolTip(final String title, final String toolTip) {
        // no tab widgets in the double
    }

    /** A panel with all tabs (built on each call). */
    public final JPanel getPanel() {
        final JPanel panel = new JPanel(new BorderLayout());
        final JTabbedPane tabs = new JTabbedPane();
        m_tabs.forEach(tabs::addTab);
        if (m_selected != null) {
            tabs.setSelectedIndex(getTabIndex(m_selected));
        }
        panel.add(tabs, BorderLayout.CENTER);
        return panel;
    }

    protected void addFlowVariablesTab() {
        // the flow variable tab is not modelled
    }

    // ---- settings ----

    /** Converts to table specs and calls {@link #loadSettingsFrom(NodeSettingsRO, DataTableSpec[])}. */
    protected void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tables = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i] != null && !(specs[i] instanceof DataTableSpec)) {
                throw new IllegalStateException(getClass().getName() + " has non-table ports and must override "
                    + "loadSettingsFrom(NodeSettingsRO, PortObjectSpec[])");
            }
            tables[i] = (DataTableSpec)specs[i];
        }
        loadSettingsFrom(settings, tables);
    }

    protected void loadSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
        throw new NotConfigurableException("NodeDialogPane.loadSettingsFrom() implementation missing!");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings) throws InvalidSettingsException;

    public final void finishEditingAndSaveSettingsTo(final NodeSettingsWO settings)
        throws InvalidSettingsException {
        saveSettingsTo(settings);
    }

    protected boolean hasModelSettings() {
        return true;
    }

    protected boolean hasViewSettings() {
        return false;
    }

    public final boolean isWriteProtected() {
        return false;
    }

    public void onOpen() {
    }

    public void onClose() {
    }

    public void onCancel() {
    }

    public final void callOnClose() {
        onClose();
    }

    public final void callOnCancel() {
        onCancel();
    }

    public boolean closeOnESC() {
        return true;
    }

    protected final NodeLogger getLogger() {
        return NodeLogger.getLogger(getClass());
    }

    public final Collection<String> getCredentialsNames() {
        return Collections.emptyList();
    }

    // ---- flow variables ----

    public FlowVariableModel createFlowVariableModel(final String key, final VariableType<?> type) {
        return createFlowVariableModel(new String[]{key}, type);
    }

    public FlowVariableModel createFlowVariableModel(final String[] keys, final VariableType<?> type) {
        return new FlowVariableModel(this, keys, type);
    }

    @Deprecated
    public FlowVariableModel createFlowVariableModel(final String key, final FlowVariable.Type type) {
        return createFlowVariableModel(new String[]{key}, type);
    }

    @Deprecated
    public FlowVariableModel createFlowVariableModel(final String[] keys, final FlowVariable.Type type) {
        return createFlowVariableModel(keys, variableType(type));
    }

    protected FlowVariableModel createFlowVariableModel(final SettingsModelFlowVariableCompatible model) {
        return createFlowVariableModel(model.getKey(), model.getFlowVariableType());
    }

    private static VariableType<?> variableType(final FlowVariable.Type type) {
        switch (type) {
            case DOUBLE: return VariableType.DoubleType.INSTANCE;
            case INTEGER: return VariableType.IntType.INSTANCE;
            default: return VariableType.StringType.INSTANCE;
        }
    }

    @Deprecated
    public final Map<String, FlowVariable> getAvailableFlowVariables() {
        return new LinkedHashMap<>(m_availableVariables);
    }

    public final Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?>[] types) {
        final Map<String, FlowVariable> out = new LinkedHashMap<>();
        for (FlowVariable v : m_availableVariables.values()) {
            for (VariableType<?> t : types) {
                if (v.getVariableType().getSimpleType() == t.getSimpleType()) {
                    out.put(v.getName(), v);
                }
            }
        }
        return out;
    }

    public Map<String, FlowVariable> getAvailableFlowVariables(final VariableType<?> type,
        final VariableType<?>... otherTypes) {
        final VariableType<?>[] all = new VariableType<?>[otherTypes.length + 1];
        all[0] = type;
        System.arraycopy(otherTypes, 0, all, 1, otherTypes.length);
        return getAvailableFlowVariables(all);
    }

    /** For the harness: the variables the dialog sees. */
    void setAvailableFlowVariables(final Map<String, FlowVariable> variables) {
        m_availableVariables.clear();
        m_availableVariables.putAll(variables);
    }
}
