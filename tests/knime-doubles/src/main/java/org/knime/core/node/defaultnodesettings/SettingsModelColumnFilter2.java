package org.knime.core.node.defaultnodesettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

/**
 * Double of KNIME's SettingsModelColumnFilter2: include/exclude lists with an enforce option, or a name pattern;
 * columns of incompatible type (if value classes are given) are neither included nor excluded. With the default
 * settings (nothing listed, enforce exclusion) every compatible column is included.
 */
public final class SettingsModelColumnFilter2 extends SettingsModel {
    private static final String TYPE_STANDARD = "STANDARD";

    private static final String TYPE_PATTERN = "name_pattern";

    private final String m_configName;

    private final Class<? extends DataValue>[] m_valueClasses;

    private String m_filterType = TYPE_STANDARD;

    private List<String> m_included = new ArrayList<>();

    private List<String> m_excluded = new ArrayList<>();

    private boolean m_enforceInclusion;

    private String m_pattern = "";

    private boolean m_regex;

    private boolean m_caseSensitive = true;

    private boolean m_excludeMatching;

    @SuppressWarnings("unchecked")
    public SettingsModelColumnFilter2(final String configName) {
        this(configName, new Class[0]);
    }

    @SafeVarargs
    public SettingsModelColumnFilter2(final String configName, final Class<? extends DataValue>... filterValueClasses) {
        if (configName == null || configName.isEmpty()) {
            throw new IllegalArgumentException("The config name must be a non-empty string");
        }
        m_configName = configName;
        m_valueClasses = filterValueClasses.clone();
    }

    @Override
    protected SettingsModelColumnFilter2 createClone() {
        final SettingsModelColumnFilter2 c = new SettingsModelColumnFilter2(m_configName, m_valueClasses);
        final NodeSettings copy = new NodeSettings("clone");
        saveSettingsForModel(copy);
        try {
            c.loadSettingsForModel(copy);
        } catch (InvalidSettingsException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }

    @Override
    protected String getModelTypeID() {
        return "SMID_ColumnFilter2";
    }

    @Override
    protected String getConfigName() {
        return m_configName;
    }

    private boolean typeOk(final DataColumnSpec col) {
        if (m_valueClasses.length == 0) {
            return true;
        }
        for (Class<? extends DataValue> c : m_valueClasses) {
            if (col.getType().isCompatible(c)) {
                return true;
            }
        }
        return false;
    }

    /** Splits the (type-compatible) columns of {@code spec} into included and excluded. */
    public FilterResult applyTo(final DataTableSpec spec) {
        final List<String> incl = new ArrayList<>();
        final List<String> excl = new ArrayList<>();
        final Pattern pattern = TYPE_PATTERN.equals(m_filterType) ? compiledPattern() : null;
        for (DataColumnSpec col : spec) {
            if (!typeOk(col)) {
                continue;
            }
            final String name = col.getName();
            final boolean in;
            if (pattern != null) {
                in = pattern.matcher(name).matches() != m_excludeMatching;
            } else if (m_included.contains(name)) {
                in = true;
            } else if (m_excluded.contains(name)) {
                in = false;
            } else {
                in = !m_enforceInclusion;
            }
            (in ? incl : excl).add(name);
        }
        final List<String> removedIncl = new ArrayList<>();
        final List<String> removedExcl = new ArrayList<>();
        if (pattern == null) {
            for (String n : m_included) {
                if (spec.getColumnSpec(n) == null || !typeOk(spec.getColumnSpec(n))) {
                    removedIncl.add(n);
                }
            }
            for (String n : m_excluded) {
                if (spec.getColumnSpec(n) == null || !typeOk(spec.getColumnSpec(n))) {
                    removedExcl.add(n);
                }
            }
        }
        return new FilterResult(incl, excl, removedIncl, removedExcl);
    }

    private Pattern compiledPattern() {
        final String regex = m_regex ? m_pattern : wildcardToRegex(m_pattern);
        return Pattern.compile(regex, m_caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String wildcardToRegex(final String wildcard) {
        final StringBuilder sb = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*') {
                sb.append(".*");
            } else if (c == '?') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** Includes all compatible columns of {@code spec}, excludes none, new columns are included. */
    public void loadDefaults(final DataTableSpec spec) {
        m_filterType = TYPE_STANDARD;
        m_included = new ArrayList<>();
        for (DataColumnSpec col : spec) {
            if (typeOk(col)) {
                m_included.add(col.getName());
            }
        }
        m_excluded = new ArrayList<>();
        m_enforceInclusion = false;
        notifyChangeListeners();
    }

    @Override
    protected void loadSettingsForDialog(final NodeSettingsRO settings, final PortObjectSpec[] specs)
        throws NotConfigurableException {
        try {
            loadSettingsForModel(settings);
        } catch (InvalidSettingsException e) {
            // keep the current filter
        }
    }

    @Override
    protected void saveSettingsForDialog(final NodeSettingsWO settings) throws InvalidSettingsException {
        saveSettingsForModel(settings);
    }

    @Override
    protected void validateSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        read(settings, false);
    }

    @Override
    protected void loadSettingsForModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        read(settings, true);
        notifyChangeListeners();
    }

    private void read(final NodeSettingsRO settings, final boolean apply) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_configName);
        final String type = sub.getString("filter-type");
        if (!TYPE_STANDARD.equals(type) && !TYPE_PATTERN.equals(type)) {
            throw new InvalidSettingsException("Column filter \"" + m_configName + "\": filter type \"" + type
                + "\" is not supported by the KNIME test double (only " + TYPE_STANDARD + " and " + TYPE_PATTERN + ")");
        }
        final String[] incl = sub.getStringArray("included_names");
        final String[] excl = sub.getStringArray("excluded_names");
        final String enforce = sub.getString("enforce_option");
        final NodeSettingsRO pattern = sub.getNodeSettings("name_pattern");
        final String patternText = pattern.getString("pattern");
        final String patternType = pattern.getString("type");
        final boolean caseSensitive = pattern.getBoolean("caseSensitive");
        final boolean excludeMatching = pattern.getBoolean("excludeMatching", false);
        if (TYPE_PATTERN.equals(type) && "Regex".equals(patternType)) {
            try {
                Pattern.compile(patternText);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new InvalidSettingsException("Column filter \"" + m_configName + "\": invalid regular expression \""
                    + patternText + "\": " + e.getDescription(), e);
            }
        }
        if (apply) {
            m_filterType = type;
            m_included = new ArrayList<>(Arrays.asList(incl == null ? new String[0] : incl));
            m_excluded = new ArrayList<>(Arrays.asList(excl == null ? new String[0] : excl));
            m_enforceInclusion = "EnforceInclusion".equals(enforce);
            m_pattern = patternText == null ? "" : patternText;
            m_regex = "Regex".equals(patternType);
            m_caseSensitive = caseSensitive;
            m_excludeMatching = excludeMatching;
        }
    }

    @Override
    protected void saveSettingsForModel(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_configName);
        sub.addString("filter-type", m_filterType);
        sub.addStringArray("included_names", m_included.toArray(new String[0]));
        sub.addStringArray("excluded_names", m_excluded.toArray(new String[0]));
        sub.addString("enforce_option", m_enforceInclusion ? "EnforceInclusion" : "EnforceExclusion");
        final NodeSettingsWO pattern = sub.addNodeSettings("name_pattern");
        pattern.addString("pattern", m_pattern);
        pattern.addString("type", m_regex ? "Regex" : "Wildcard");
        pattern.addBoolean("caseSensitive", m_caseSensitive);
        pattern.addBoolean("excludeMatching", m_excludeMatching);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " ('" + m_configName + "')";
    }
}
