package org.knime.core.data;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;

/**
 * Double of KNIME's DataTableSpec: a name and uniquely named columns. {@link #equals} compares the columns
 * (with domains) and ignores the table name; {@link #equalStructure} compares names and types only.
 */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {
    public static final String[] CLASS_COLUMN_NAMES = {"class", "target", "klasse", "ziel"};

    private static final String DEFAULT_NAME = "default";

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index = new HashMap<>();

    public DataTableSpec() {
        this(DEFAULT_NAME, new DataColumnSpec[0]);
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name == null ? DEFAULT_NAME : name;
        m_columns = colSpecs.clone();
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i] == null) {
                throw new NullPointerException("Column spec " + i + " of table \"" + m_name + "\" is null");
            }
            if (m_index.put(m_columns[i].getName(), i) != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName()
                    + "\" in table \"" + m_name + "\"; column names must be unique");
            }
        }
    }

    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2));
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, names, types);
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(spec1.getName() + "+" + spec2.getName(), spec1, spec2);
    }

    private static DataColumnSpec[] concat(final DataTableSpec s1, final DataTableSpec s2) {
        final DataColumnSpec[] out = Arrays.copyOf(s1.m_columns, s1.m_columns.length + s2.m_columns.length);
        System.arraycopy(s2.m_columns, 0, out, s1.m_columns.length, s2.m_columns.length);
        return out;
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException(
                names.length + " column names but " + types.length + " column types; they must match");
        }
        final DataColumnSpec[] out = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return out;
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.length;
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    /** The column with this name, or null. */
    public DataColumnSpec getColumnSpec(final String column) {
        final Integer i = m_index.get(column);
        return i == null ? null : m_columns[i];
    }

    /** Index of the column with this name, or -1. */
    public int findColumnIndex(final String columnName) {
        final Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    public boolean containsName(final String name) {
        return m_index.containsKey(name);
    }

    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    public final String[] getColumnNames() {
        return stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    public int[] columnsToIndices(final String... columns) {
        final int[] out = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = findColumnIndex(columns[i]);
            if (out[i] < 0) {
                throw new IllegalArgumentException(
                    "Column \"" + columns[i] + "\" not found in table \"" + m_name + "\"; columns: "
                        + Arrays.toString(getColumnNames()));
            }
        }
        return out;
    }

    /** IndexOutOfBoundsException for an index out of range, IllegalArgumentException for a duplicate (as KNIME). */
    public void verifyIndices(final int... indices) {
        final java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i : indices) {
            if (i < 0 || i >= m_columns.length) {
                throw new IndexOutOfBoundsException(
                    "Column index " + i + " out of range [0, " + m_columns.length + ") in table \"" + m_name + "\"");
            }
            if (!seen.add(i)) {
                throw new IllegalArgumentException("Duplicate index: " + i);
            }
        }
    }

    /** Empty: the double has no table properties. */
    public Map<String, String> getProperties() {
        return Collections.emptyMap();
    }

    /** A name not used in {@code spec}: {@code columnName}, else "columnName (#1)", "(#2)", ... */
    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (spec == null || !spec.containsName(columnName)) {
            return columnName;
        }
        int i = 1;
        while (spec.containsName(columnName + " (#" + i + ")")) {
            i++;
        }
        return columnName + " (#" + i + ")";
    }

    /** Concatenates the columns of all specs; same-named columns must be structurally equal and appear once. */
    public static DataTableSpec mergeDataTableSpecs(final DataTableSpec... specs) {
        final List<DataColumnSpec> out = new ArrayList<>();
        final Map<String, DataColumnSpec> seen = new HashMap<>();
        for (DataTableSpec spec : specs) {
            for (DataColumnSpec c : spec) {
                final DataColumnSpec before = seen.putIfAbsent(c.getName(), c);
                if (before == null) {
                    out.add(c);
                } else if (!before.equalStructure(c)) {
                    throw new IllegalArgumentException("Cannot merge column \"" + c.getName()
                        + "\": its type differs (" + before.getType() + " vs " + c.getType() + ")");
                }
            }
        }
        return new DataTableSpec(specs.length == 0 ? DEFAULT_NAME : specs[0].getName(),
            out.toArray(new DataColumnSpec[0]));
    }

    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    public boolean isCompatibleWith(final DataTableSpec spec) {
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].isCompatibleWith(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Collections.unmodifiableList(Arrays.asList(m_columns)).iterator();
    }

    public Stream<DataColumnSpec> stream() {
        return Arrays.stream(m_columns);
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && Arrays.equals(m_columns, ((DataTableSpec)obj).m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + Arrays.toString(getColumnNames());
    }

    public void save(final ConfigWO config) {
        config.addString("spec_name", m_name);
        config.addInt("number_columns", m_columns.length);
        for (int i = 0; i < m_columns.length; i++) {
            m_columns[i].save(config.addConfig("column_spec_" + i));
        }
    }

    public static DataTableSpec load(final ConfigRO config) throws InvalidSettingsException {
        final DataColumnSpec[] columns = new DataColumnSpec[config.getInt("number_columns")];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = DataColumnSpec.load(config.getConfig("column_spec_" + i));
        }
        return new DataTableSpec(config.getString("spec_name"), columns);
    }

    /** Writes the spec as config XML into zip entry {@code spec.xml}. */
    public static final class Serializer extends PortObjectSpecSerializer<DataTableSpec> {
        public Serializer() {
        }

        @Override
        public void savePortObjectSpec(final DataTableSpec spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            out.putNextEntry(new ZipEntry("spec.xml"));
            final ModelContent content = new ModelContent("spec.xml");
            spec.save(content);
            content.saveToXML(new FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
            out.closeEntry();
        }

        @Override
        public DataTableSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !"spec.xml".equals(entry.getName())) {
                throw new IOException("Expected zip entry spec.xml for a table spec, found "
                    + (entry == null ? "none" : entry.getName()));
            }
            final ModelContentRO content = ModelContent.loadFromXML(new FilterInputStream(in) {
                @Override
                public void close() {
                    // the zip stream belongs to the caller
                }
            });
            try {
                return load(content);
            } catch (InvalidSettingsException e) {
                throw new IOException("Cannot read table spec: " + e.getMessage(), e);
            }
        }
    }
}
