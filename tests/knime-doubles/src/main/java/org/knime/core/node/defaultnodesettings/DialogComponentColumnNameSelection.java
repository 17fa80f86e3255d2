package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.ColumnFilter;
import org.knime.core.node.util.DataValueColumnFilter;

/**
 * Double of KNIME's DialogComponentColumnNameSelection: a column of the input table that passes a filter. If
 * required, opening fails when no column passes; saving fails when nothing is selected.
 */
public class DialogComponentColumnNameSelection extends DialogComponent {
    private final String m_label;

    private final int m_specIndex;

    private final boolean m_isRequired;

    private ColumnFilter m_filter;

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, true, new DataValueColumnFilter(classFilter));
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, new DataValueColumnFilter(classFilter));
    }

    @SafeVarargs
    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol,
        final Class<? extends DataValue>... classFilter) {
        this(model, label, specIndex, isRequired, addNoneCol, new DataValueColumnFilter(classFilter));
    }

    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final ColumnFilter columnFilter) {
        this(model, label, specIndex, true, columnFilter);
    }

    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final ColumnFilter columnFilter) {
        this(model, label, specIndex, isRequired, false, columnFilter);
    }

    public DialogComponentColumnNameSelection(final SettingsModelString model, final String label,
        final int specIndex, final boolean isRequired, final boolean addNoneCol, final ColumnFilter columnFilter) {
        super(model);
        m_label = label;
        m_specIndex = specIndex;
        m_isRequired = isRequired;
        m_filter = columnFilter;
    }

    @Override
    String labelText() {
        return m_label;
    }

    public final String getSelected() {
        return ((SettingsModelString)getModel()).getStringValue();
    }

    /** The spec of the selected column in the last input spec, or null. */
    public final DataColumnSpec getSelectedAsSpec() {
        final PortObjectSpec spec = getLastTableSpec(m_specIndex);
        return spec instanceof DataTableSpec && getSelected() != null
            ? ((DataTableSpec)spec).getColumnSpec(getSelected()) : null;
    }

    public void setColumnFilter(final ColumnFilter filter) throws NotConfigurableException {
        m_filter = filter;
        checkConfigurabilityBeforeLoad(getLastTableSpecs());
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
        if (specs == null || specs.length <= m_specIndex || !(specs[m_specIndex] instanceof DataTableSpec)) {
            throw new NotConfigurableException("Need the input table spec at port " + m_specIndex + " to select \""
                + m_label + "\". Connect or configure the predecessor node.");
        }
        if (m_isRequired && ((DataTableSpec)specs[m_specIndex]).stream().noneMatch(m_filter::includeColumn)) {
            throw new NotConfigurableException(m_filter.allFilteredMsg());
        }
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        if (m_isRequired && getSelected() == null) {
            throw new InvalidSettingsException("Please select a column for \"" + m_label + "\"");
        }
    }

    @Override
    protected void updateComponent() {
        // the model is the state
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        // no widgets
    }

    @Override
    public void setToolTipText(final String text) {
        // no widgets
    }
}
