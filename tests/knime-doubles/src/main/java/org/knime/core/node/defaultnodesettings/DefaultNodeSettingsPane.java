package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JPanel;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * Double of KNIME's DefaultNodeSettingsPane: a list of dialog components on tabs and in groups. Loading and
 * saving go through all components in the order they were added, then the additional-settings hooks.
 */
public class DefaultNodeSettingsPane extends NodeDialogPane {
    private final List<DialogComponent> m_components = new ArrayList<>();

    private JPanel m_tab;

    private JPanel m_group;

    private String m_tabTitle = "Options";

    public DefaultNodeSettingsPane() {
        m_tab = newPanel();
        addTab(m_tabTitle, m_tab);
    }

    private static JPanel newPanel() {
        final JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        return p;
    }

    public void addDialogComponent(final DialogComponent diaC) {
        m_components.add(diaC);
        (m_group != null ? m_group : m_tab).add(diaC.getComponentPanel());
    }

    public void createNewGroup(final String title) {
        closeCurrentGroup();
        m_group = newPanel();
        m_group.setBorder(BorderFactory.createTitledBorder(title));
        m_tab.add(m_group);
    }

    public void closeCurrentGroup() {
        m_group = null;
    }

    public void createNewTab(final String tabTitle) {
        createNewTabAt(tabTitle, Integer.MAX_VALUE);
    }

    public void createNewTabAt(final String tabTitle, final int index) {
        closeCurrentGroup();
        m_tab = newPanel();
        m_tabTitle = tabTitle;
        addTabAt(index, tabTitle, m_tab);
    }

    public void selectTab(final String tabTitle) {
        setSelected(tabTitle);
    }

    public void setDefaultTabTitle(final String tabTitle) {
        renameTab(getTabTitles().get(0), tabTitle);
    }

    public void setHorizontalPlacement(final boolean horizontal) {
        // the layout of the double is not shown
    }

    @Override
    public final void loadSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        for (DialogComponent c : m_components) {
            c.loadSettingsFrom(settings, specs);
        }
        loadAdditionalSettingsFrom(settings, specs);
    }

    /** Converts to table specs and calls {@link #loadAdditionalSettingsFrom(NodeSettingsRO, DataTableSpec[])}. */
    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        final DataTableSpec[] tables = new DataTableSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            tables[i] = specs[i] instanceof DataTableSpec ? (DataTableSpec)specs[i] : null;
        }
        loadAdditionalSettingsFrom(settings, tables);
    }

    public void loadAdditionalSettingsFrom(final NodeSettingsRO settings, final DataTableSpec[] specs)
        throws NotConfigurableException {
    }

    @Override
    public final void saveSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
        for (DialogComponent c : m_components) {
            c.saveSettingsTo(settings);
        }
        saveAdditionalSettingsTo(settings);
    }

    public void saveAdditionalSettingsTo(final NodeSettingsWO settings) throws InvalidSettingsException {
    }
}
