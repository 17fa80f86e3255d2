package org.knime.core.node.port;

import java.lang.reflect.Method;
import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/**
 * Double of KNIME's PortType: a port object class plus "optional". Name, colour and hidden flag come from the
 * plugin.xml registration if there is one; get instances from {@link PortTypeRegistry}.
 */
public final class PortType {
    public static final int DEFAULT_COLOR = -6579301;

    private final Class<? extends PortObject> m_objectClass;

    private final boolean m_optional;

    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass) {
        this(objectClass, false);
    }

    @Deprecated
    public PortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        m_objectClass = Objects.requireNonNull(objectClass, "Port object class must not be null");
        m_optional = optional;
    }

    public Class<? extends PortObject> getPortObjectClass() {
        return m_objectClass;
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        return getPortObjectSpecClass(m_objectClass);
    }

    /** The return type of the class's {@code getSpec()} method. */
    @SuppressWarnings("unchecked")
    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(final Class<? extends PortObject> cl) {
        try {
            final Method m = cl.getMethod("getSpec");
            if (PortObjectSpec.class.isAssignableFrom(m.getReturnType())) {
                return (Class<? extends PortObjectSpec>)m.getReturnType();
            }
        } catch (NoSuchMethodException e) {
            // fall through
        }
        return PortObjectSpec.class;
    }

    public boolean isOptional() {
        return m_optional;
    }

    public boolean isHidden() {
        return PortTypeRegistry.getInstance().declaredHidden(m_objectClass);
    }

    public String getName() {
        return PortTypeRegistry.getInstance().declaredName(m_objectClass);
    }

    public int getColor() {
        return PortTypeRegistry.getInstance().declaredColor(m_objectClass);
    }

    public boolean acceptsPortObject(final PortObject po) {
        return po != null && m_objectClass.isInstance(po);
    }

    public boolean acceptsPortObjectClass(final Class<? extends PortObject> cl) {
        return cl != null && m_objectClass.isAssignableFrom(cl);
    }

    public boolean acceptsPortObjectSpec(final PortObjectSpec spec) {
        return spec != null && getPortObjectSpecClass().isInstance(spec);
    }

    public boolean isSuperTypeOf(final PortType subType) {
        return subType != null && m_objectClass.isAssignableFrom(subType.m_objectClass);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PortType && ((PortType)obj).m_objectClass == m_objectClass
            && ((PortType)obj).m_optional == m_optional;
    }

    @Override
    public int hashCode() {
        return m_objectClass.hashCode() + (m_optional ? 1 : 0);
    }

    @Override
    public String toString() {
        return getName() + (m_optional ? " (optional)" : "");
    }

    public void save(final NodeSettingsWO settings) {
        save((ConfigWO)settings);
    }

    public void save(final ConfigWO config) {
        config.addString("object_class", m_objectClass.getName());
        config.addBoolean("is_optional", m_optional);
    }

    public static PortType load(final NodeSettingsRO settings) throws InvalidSettingsException {
        return load((ConfigRO)settings);
    }

    public static PortType load(final ConfigRO config) throws InvalidSettingsException {
        final String name = config.getString("object_class");
        final Class<? extends PortObject> cl = PortTypeRegistry.getInstance().getObjectClass(name)
            .orElseThrow(() -> new InvalidSettingsException("Unknown port object class " + name));
        return PortTypeRegistry.getInstance().getPortType(cl, config.getBoolean("is_optional"));
    }
}
