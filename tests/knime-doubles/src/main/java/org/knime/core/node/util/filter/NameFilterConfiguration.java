package org.knime.core.node.util.filter;

import java.util.List;

/**
 * Double of KNIME's NameFilterConfiguration (include/exclude name filter settings). The double only carries
 * the nested {@link FilterResult}; the column filter logic lives in SettingsModelColumnFilter2.
 */
public class NameFilterConfiguration implements Cloneable {
    private final String m_configRootName;

    public NameFilterConfiguration(final String configRootName) {
        this(configRootName, 0);
    }

    public NameFilterConfiguration(final String configRootName, final int filterEnableMask) {
        if (configRootName == null || configRootName.isEmpty()) {
            throw new IllegalArgumentException("The config root name must be a non-empty string");
        }
        m_configRootName = configRootName;
    }

    final String configRootName() {
        return m_configRootName;
    }

    /** Which names a filter includes and excludes, and which configured names no longer exist. */
    public static class FilterResult {
        private final String[] m_incls;

        private final String[] m_excls;

        private final String[] m_removedFromIncludes;

        private final String[] m_removedFromExcludes;

        protected FilterResult(final String[] incls, final String[] excls, final String[] removedFromIncludes,
            final String[] removedFromExcludes) {
            m_incls = incls.clone();
            m_excls = excls.clone();
            m_removedFromIncludes = removedFromIncludes.clone();
            m_removedFromExcludes = removedFromExcludes.clone();
        }

        public FilterResult(final List<String> incls, final List<String> excls,
            final List<String> removedFromIncludes, final List<String> removedFromExcludes) {
            this(incls.toArray(new String[0]), excls.toArray(new String[0]), removedFromIncludes.toArray(new String[0]),
                removedFromExcludes.toArray(new String[0]));
        }

        public String[] getIncludes() {
            return m_incls.clone();
        }

        public String[] getExcludes() {
            return m_excls.clone();
        }

        public String[] getRemovedFromIncludes() {
            return m_removedFromIncludes.clone();
        }

        public String[] getRemovedFromExcludes() {
            return m_removedFromExcludes.clone();
        }
    }
}
