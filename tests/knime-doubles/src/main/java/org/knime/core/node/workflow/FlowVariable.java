package org.knime.core.node.workflow;

import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/** Double of KNIME's FlowVariable: a named, typed value. Names starting with "knime." are global constants. */
public final class FlowVariable extends FlowObject {
    @Deprecated
    public static final String GLOBAL_CONST_ID = "knime";

    private final String m_name;

    private final VariableType<?> m_type;

    private final Object m_value;

    public FlowVariable(final String name, final double value) {
        this(name, VariableType.DoubleType.INSTANCE, value);
    }

    public FlowVariable(final String name, final int value) {
        this(name, VariableType.IntType.INSTANCE, value);
    }

    public FlowVariable(final String name, final String value) {
        this(name, VariableType.StringType.INSTANCE, value);
    }

    public <T> FlowVariable(final String name, final VariableType<T> type) {
        this(name, type, type.defaultValue());
    }

    public <T> FlowVariable(final String name, final VariableType<T> type, final T value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A flow variable name must not be empty");
        }
        m_name = name;
        m_type = Objects.requireNonNull(type, "Flow variable type must not be null");
        m_value = value;
    }

    public String getName() {
        return m_name;
    }

    public Scope getScope() {
        return m_name.startsWith(GLOBAL_CONST_ID + ".") ? Scope.Global : Scope.Flow;
    }

    public boolean isGlobalConstant() {
        return getScope() == Scope.Global;
    }

    public VariableType<?> getVariableType() {
        return m_type;
    }

    @Deprecated
    public Type getType() {
        final Class<?> c = m_type.getSimpleType();
        if (c == Double.class) {
            return Type.DOUBLE;
        }
        if (c == Integer.class) {
            return Type.INTEGER;
        }
        return c == String.class ? Type.STRING : Type.OTHER;
    }

    /** The value as {@code type}; throws IllegalArgumentException if KNIME would not convert it. */
    public <T> T getValue(final VariableType<T> type) {
        return type.convert(m_value);
    }

    /** The value if it is a number, else NaN. */
    public double getDoubleValue() {
        return m_value instanceof Number ? ((Number)m_value).doubleValue() : Double.NaN;
    }

    /** The value if it is an int, else 0. */
    public int getIntValue() {
        return m_value instanceof Integer ? (Integer)m_value : 0;
    }

    /** The value if it is a string, else null. */
    public String getStringValue() {
        return m_value instanceof String ? (String)m_value : null;
    }

    public String getValueAsString() {
        return String.valueOf(m_value);
    }

    public FlowVariable withNewName(final String newName) {
        return new FlowVariable(newName, castType(), m_value);
    }

    @SuppressWarnings("unchecked")
    private VariableType<Object> castType() {
        return (VariableType<Object>)m_type;
    }

    public void save(final NodeSettingsWO settings) {
        settings.addString("name", m_name);
        settings.addString("class", m_type.getSimpleType().getSimpleName());
        settings.addString("value", m_value == null ? null : String.valueOf(m_value));
    }

    public static FlowVariable load(final NodeSettingsRO settings) throws InvalidSettingsException {
        final String name = settings.getString("name");
        final String cls = settings.getString("class");
        final String v = settings.getString("value");
        switch (cls) {
            case "Double": return new FlowVariable(name, Double.parseDouble(v));
            case "Integer": return new FlowVariable(name, Integer.parseInt(v));
            case "Long": return new FlowVariable(name, VariableType.LongType.INSTANCE, Long.parseLong(v));
            case "Boolean": return new FlowVariable(name, VariableType.BooleanType.INSTANCE, Boolean.parseBoolean(v));
            case "String": return new FlowVariable(name, v);
            default: throw new InvalidSettingsException("Unknown flow variable type " + cls + " of \"" + name + "\"");
        }
    }

    @Override
    public boolean equals(final Object obj) {
        if (!(obj instanceof FlowVariable)) {
            return false;
        }
        final FlowVariable o = (FlowVariable)obj;
        return m_name.equals(o.m_name) && m_type.getSimpleType() == o.m_type.getSimpleType()
            && Objects.equals(m_value, o.m_value);
    }

    @Override
    public int hashCode() {
        return m_name.hashCode() * 31 + Objects.hashCode(m_value);
    }

    @Override
    public String toString() {
        return "\"" + m_name + "\" (" + m_type.getSimpleType().getSimpleName() + ": " + m_value + ")";
    }

    /** Where a variable comes from. */
    public enum Scope {
        Global, Flow, Local, Hide;

        public String getPrefix() {
            switch (this) {
                case Global: return "knime";
                case Local: return "local";
                case Hide: return "hide";
                default: return "";
            }
        }

        /** Throws IllegalArgumentException if {@code name} does not fit this scope. */
        public void verifyName(final String name) {
            final boolean global = name.startsWith("knime.");
            if (this == Global && !global) {
                throw new IllegalArgumentException("Global flow variable names must start with \"knime.\": " + name);
            }
            if (this != Global && global) {
                throw new IllegalArgumentException(
                    "Flow variable names must not start with \"knime.\" (reserved): " + name);
            }
        }
    }

    /** The old variable types. */
    @Deprecated
    public enum Type {
        DOUBLE, INTEGER, STRING, CREDENTIALS, OTHER
    }
}
