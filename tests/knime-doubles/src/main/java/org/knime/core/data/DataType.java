package org.knime.core.data;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.swing.Icon;

import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Double of KNIME's DataType. A native type belongs to a cell class; its value classes are all {@link DataValue}
 * interfaces the class implements (so IntCell's type is compatible with DoubleValue, as in KNIME). A non-native
 * type (from {@link #getCommonSuperType}) has no cell class, only the value classes both types share.
 */
public final class DataType {
    private static final Map<Class<? extends DataCell>, DataType> NATIVE = new ConcurrentHashMap<>();

    private static final MissingCell MISSING = new MissingCell(null);

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private final DataType m_elementType;

    private DataType(final Class<? extends DataCell> cellClass, final List<Class<? extends DataValue>> valueClasses,
        final DataType elementType) {
        m_cellClass = cellClass;
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(valueClasses));
        m_elementType = elementType;
    }

    // ---- factories ----

    public static DataType getType(final Class<? extends DataCell> cell) {
        Objects.requireNonNull(cell, "Cell class must not be null");
        return NATIVE.computeIfAbsent(cell, c -> new DataType(c, valueClassesOf(c), null));
    }

    /** The type of a collection cell class with the given element type. */
    public static DataType getType(final Class<? extends DataCell> cell, final DataType elementType) {
        if (elementType == null) {
            return getType(cell);
        }
        return new DataType(cell, valueClassesOf(cell), elementType);
    }

    /** The double ignores adapter value classes. */
    public static DataType getType(final Class<? extends DataCell> cell, final DataType elementType,
        final List<Class<? extends DataValue>> adapterValueClasses) {
        return getType(cell, elementType);
    }

    public static DataCell getMissingCell() {
        return MISSING;
    }

    /** The most specific type both are compatible to: one of them, or the value classes they share. */
    public static DataType getCommonSuperType(final DataType type1, final DataType type2) {
        if (type1.isASuperTypeOf(type2)) {
            return type1;
        }
        if (type2.isASuperTypeOf(type1)) {
            return type2;
        }
        final List<Class<? extends DataValue>> shared = new ArrayList<>(type1.m_valueClasses);
        shared.retainAll(type2.m_valueClasses);
        if (shared.isEmpty()) {
            return getType(DataCell.class);
        }
        return new DataType(null, shared, null);
    }

    /** The UTILITY field declared by the value interface, or {@link DataValue#UTILITY}. */
    public static DataValue.UtilityFactory getUtilityFor(final Class<? extends DataValue> value) {
        try {
            final Field f = value.getDeclaredField("UTILITY");
            if (Modifier.isStatic(f.getModifiers()) && DataValue.UtilityFactory.class.isAssignableFrom(f.getType())) {
                return (DataValue.UtilityFactory)f.get(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            // fall through: the generic factory
        }
        return DataValue.UTILITY;
    }

    private static List<Class<? extends DataValue>> valueClassesOf(final Class<?> cellClass) {
        final Set<Class<? extends DataValue>> out = new LinkedHashSet<>();
        for (Class<?> c = cellClass; c != null && c != Object.class; c = c.getSuperclass()) {
            final Deque<Class<?>> todo = new ArrayDeque<>(List.of(c.getInterfaces()));
            while (!todo.isEmpty()) {
                final Class<?> i = todo.poll();
                if (DataValue.class.isAssignableFrom(i) && i != DataValue.class) {
                    @SuppressWarnings("unchecked")
                    final Class<? extends DataValue> v = (Class<? extends DataValue>)i;
                    out.add(v);
                }
                todo.addAll(List.of(i.getInterfaces()));
            }
        }
        return new ArrayList<>(out);
    }

    // ---- queries ----

    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return m_valueClasses;
    }

    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.isEmpty() ? DataValue.class : m_valueClasses.get(0);
    }

    public List<Class<? extends DataValue>> getAdapterValueClasses() {
        return Collections.emptyList();
    }

    /** True if cells of this type provide the given value (every type provides {@link DataValue}). */
    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        if (valueClass == DataValue.class) {
            return true;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (valueClass.isAssignableFrom(v)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdaptable(final Class<? extends DataValue> valueClass) {
        return isCompatible(valueClass);
    }

    @SuppressWarnings("unchecked")
    public boolean isAdaptableToAny(final Class<? extends DataValue>... valueClasses) {
        for (Class<? extends DataValue> v : valueClasses) {
            if (isCompatible(v)) {
                return true;
            }
        }
        return false;
    }

    /** True if a column of this type may hold cells of {@code type} (missing cells fit everywhere). */
    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || type.isMissingValueType() || m_valueClasses.isEmpty()) {
            return true;
        }
        return type.m_valueClasses.containsAll(m_valueClasses);
    }

    public boolean isMissingValueType() {
        return m_cellClass == MissingCell.class;
    }

    public boolean isCollectionType() {
        return m_elementType != null && isCompatible(CollectionDataValue.class);
    }

    public DataType getCollectionElementType() {
        return m_elementType;
    }

    /** A factory nested in the cell class (e.g. DoubleCell.DoubleCellFactory), if it has one. */
    public Optional<DataCellFactory> getCellFactory(final ExecutionContext execContext) {
        if (m_cellClass == null) {
            return Optional.empty();
        }
        for (Class<?> nested : m_cellClass.getDeclaredClasses()) {
            if (DataCellFactory.class.isAssignableFrom(nested) && Modifier.isPublic(nested.getModifiers())
                && !Modifier.isAbstract(nested.getModifiers())) {
                try {
                    return Optional.of((DataCellFactory)nested.getConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    // try the next nested class
                }
            }
        }
        return Optional.empty();
    }

    public Icon getIcon() {
        return null;
    }

    /** The name KNIME shows, e.g. "Number (double)", taken from the preferred value's utility factory. */
    public String getName() {
        final DataValue.UtilityFactory utility = getUtilityFor(getPreferredValueClass());
        final String base;
        if (utility instanceof ExtensibleUtilityFactory && (m_cellClass != null || m_valueClasses.size() == 1)) {
            base = ((ExtensibleUtilityFactory)utility).getName();
        } else if (m_cellClass != null) {
            base = m_cellClass.getSimpleName();
        } else {
            base = "Non-native " + m_valueClasses.stream().map(Class::getSimpleName).toList();
        }
        return m_elementType == null ? base : "Collection of: " + m_elementType.getName() + " (" + base + ")";
    }

    public String toPrettyString() {
        return getName();
    }

    @Override
    public String toString() {
        return getName();
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof DataType)) {
            return false;
        }
        final DataType o = (DataType)obj;
        if (!Objects.equals(m_elementType, o.m_elementType)) {
            return false;
        }
        if (m_cellClass != null || o.m_cellClass != null) {
            return m_cellClass == o.m_cellClass;
        }
        return new LinkedHashSet<>(m_valueClasses).equals(new LinkedHashSet<>(o.m_valueClasses));
    }

    @Override
    public int hashCode() {
        return m_cellClass != null ? m_cellClass.getName().hashCode() : new LinkedHashSet<>(m_valueClasses).hashCode();
    }

    // ---- persistence ----

    public void save(final ConfigWO config) {
        if (m_cellClass != null) {
            config.addString("cell_class", m_cellClass.getName());
        } else {
            config.addStringArray("value_classes", m_valueClasses.stream().map(Class::getName).toArray(String[]::new));
        }
        if (m_elementType != null) {
            m_elementType.save(config.addConfig("collection_element_type"));
        }
    }

    public static DataType load(final ConfigRO config) throws InvalidSettingsException {
        final DataType element = config.containsKey("collection_element_type")
            ? load(config.getConfig("collection_element_type")) : null;
        if (config.containsKey("cell_class")) {
            @SuppressWarnings("unchecked")
            final Class<? extends DataCell> cell =
                (Class<? extends DataCell>)loadClass(config.getString("cell_class"), DataCell.class);
            return element == null ? getType(cell) : getType(cell, element);
        }
        final List<Class<? extends DataValue>> values = new ArrayList<>();
        for (String name : config.getStringArray("value_classes")) {
            @SuppressWarnings("unchecked")
            final Class<? extends DataValue> v = (Class<? extends DataValue>)loadClass(name, DataValue.class);
            values.add(v);
        }
        return new DataType(null, values, element);
    }

    private static Class<?> loadClass(final String name, final Class<?> expected) throws InvalidSettingsException {
        try {
            final ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            final Class<?> c = Class.forName(name, false, tccl != null ? tccl : DataType.class.getClassLoader());
            if (!expected.isAssignableFrom(c)) {
                throw new InvalidSettingsException(name + " is not a " + expected.getSimpleName());
            }
            return c;
        } catch (ClassNotFoundException e) {
            throw new InvalidSettingsException("Unknown class " + name + " in a saved data type", e);
        }
    }
}
