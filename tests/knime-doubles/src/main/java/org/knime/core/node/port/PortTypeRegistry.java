package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject.PortObjectSerializer;
import org.knime.core.node.port.PortObjectSpec.PortObjectSpecSerializer;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;
import org.knime.core.node.port.flowvariable.FlowVariablePortObjectSpec;

/**
 * Double of KNIME's PortTypeRegistry. Serializers are found as in KNIME: built-in ones for tables and flow
 * variables, then the {@code org.knime.core.PortType} extensions ({@code <portType objectClass objectSerializer
 * specClass specSerializer name color hidden>}) of every {@code plugin.xml} on the class path, then the legacy
 * static methods {@code getPortObjectSerializer()} / {@code getPortObjectSpecSerializer()} of the class.
 */
public final class PortTypeRegistry {
    private static final PortTypeRegistry INSTANCE = new PortTypeRegistry();

    private static final String TABLE_SERIALIZER = "org.knime.core.node.BufferedDataTableSerializer";

    /** One {@code <portType>} element of a plugin.xml. */
    private static final class Declared {
        final String name;

        final String objectClass;

        final String objectSerializer;

        final String specClass;

        final String specSerializer;

        final String color;

        final boolean hidden;

        Declared(final Element e) {
            name = e.getAttribute("name");
            objectClass = e.getAttribute("objectClass");
            objectSerializer = e.getAttribute("objectSerializer");
            specClass = e.getAttribute("specClass");
            specSerializer = e.getAttribute("specSerializer");
            color = e.getAttribute("color");
            hidden = Boolean.parseBoolean(e.getAttribute("hidden"));
        }
    }

    private final Map<Class<?>, PortType> m_required = new HashMap<>();

    private final Map<Class<?>, PortType> m_optional = new HashMap<>();

    private Map<String, Declared> m_declared;

    private PortTypeRegistry() {
    }

    public static PortTypeRegistry getInstance() {
        return INSTANCE;
    }

    public PortType getPortType(final Class<? extends PortObject> objectClass) {
        return getPortType(objectClass, false);
    }

    @SuppressWarnings("deprecation")
    public synchronized PortType getPortType(final Class<? extends PortObject> objectClass, final boolean optional) {
        return (optional ? m_optional : m_required).computeIfAbsent(objectClass, c -> new PortType(objectClass, optional));
    }

    /** The port types created so far. */
    public synchronized Collection<PortType> availablePortTypes() {
        final Set<PortType> all = new LinkedHashSet<>(m_required.values());
        all.addAll(m_optional.values());
        return Collections.unmodifiableSet(all);
    }

    public Optional<Class<? extends PortObject>> getObjectClass(final String className) {
        return loadClass(className, PortObject.class, null);
    }

    public Optional<Class<? extends PortObjectSpec>> getSpecClass(final String className) {
        return loadClass(className, PortObjectSpec.class, null);
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObjectSerializer<PortObject>> getObjectSerializer(
        final Class<? extends PortObject> objectClass) {
        if (objectClass.getName().equals("org.knime.core.node.BufferedDataTable")) {
            return Optional.of((PortObjectSerializer<PortObject>)instantiate(TABLE_SERIALIZER, objectClass, true));
        }
        if (objectClass == FlowVariablePortObject.class) {
            return Optional.of((PortObjectSerializer<PortObject>)(Object)new FlowVariablePortObject.Serializer());
        }
        final Declared d = declared().get(objectClass.getName());
        if (d != null && !d.objectSerializer.isEmpty()) {
            return Optional.of((PortObjectSerializer<PortObject>)instantiate(d.objectSerializer, objectClass, false));
        }
        return Optional.ofNullable((PortObjectSerializer<PortObject>)legacy(objectClass, "getPortObjectSerializer"));
    }

    @SuppressWarnings("unchecked")
    public Optional<PortObjectSpecSerializer<PortObjectSpec>> getSpecSerializer(
        final Class<? extends PortObjectSpec> specClass) {
        if (specClass == DataTableSpec.class) {
            return Optional.of((PortObjectSpecSerializer<PortObjectSpec>)(Object)new DataTableSpec.Serializer());
        }
        if (specClass == FlowVariablePortObjectSpec.class) {
            return Optional.of(
                (PortObjectSpecSerializer<PortObjectSpec>)(Object)new FlowVariablePortObjectSpec.Serializer());
        }
        for (Declared d : declared().values()) {
            if (d.specClass.equals(specClass.getName()) && !d.specSerializer.isEmpty()) {
                return Optional.of(
                    (PortObjectSpecSerializer<PortObjectSpec>)instantiate(d.specSerializer, specClass, false));
            }
        }
        return Optional.ofNullable(
            (PortObjectSpecSerializer<PortObjectSpec>)legacy(specClass, "getPortObjectSpecSerializer"));
    }

    // ---- plugin.xml ----

    String declaredName(final Class<?> objectClass) {
        final Declared d = declared().get(objectClass.getName());
        if (d != null && !d.name.isEmpty()) {
            return d.name;
        }
        switch (objectClass.getName()) {
            case "org.knime.core.node.BufferedDataTable": return "Data";
            case "org.knime.core.node.port.flowvariable.FlowVariablePortObject": return "Flow Variable";
            case "org.knime.core.node.port.PortObject": return "Generic Port";
            default: return objectClass.getSimpleName();
        }
    }

    int declaredColor(final Class<?> objectClass) {
        final Declared d = declared().get(objectClass.getName());
        if (d != null && d.color.matches("#[0-9a-fA-F]{6}")) {
            return 0xFF000000 | Integer.parseInt(d.color.substring(1), 16);
        }
        return PortType.DEFAULT_COLOR;
    }

    boolean declaredHidden(final Class<?> objectClass) {
        final Declared d = declared().get(objectClass.getName());
        return d != null && d.hidden;
    }

    private synchronized Map<String, Declared> declared() {
        if (m_declared == null) {
            final Map<String, Declared> out = new LinkedHashMap<>();
            for (URL url : pluginXmls()) {
                try (InputStream in = url.openStream()) {
                    final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                    f.setNamespaceAware(false);
                    final NodeList types = f.newDocumentBuilder().parse(in).getElementsByTagName("portType");
                    for (int i = 0; i < types.getLength(); i++) {
                        final Declared d = new Declared((Element)types.item(i));
                        out.putIfAbsent(d.objectClass, d);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot read " + url + ": " + e.getMessage(), e);
                }
            }
            m_declared = out;
        }
        return m_declared;
    }

    private static Set<URL> pluginXmls() {
        final Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader cl : new ClassLoader[]{Thread.currentThread().getContextClassLoader(),
            PortTypeRegistry.class.getClassLoader()}) {
            if (cl == null) {
                continue;
            }
            try {
                urls.addAll(Collections.list(cl.getResources("plugin.xml")));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list plugin.xml resources: " + e.getMessage(), e);
            }
        }
        return urls;
    }

    // ---- reflection ----

    private static <T> Optional<Class<? extends T>> loadClass(final String name, final Class<T> expected,
        final ClassLoader preferred) {
        final ArrayList<ClassLoader> loaders = new ArrayList<>();
        if (preferred != null) {
            loaders.add(preferred);
        }
        if (Thread.currentThread().getContextClassLoader() != null) {
            loaders.add(Thread.currentThread().getContextClassLoader());
        }
        loaders.add(PortTypeRegistry.class.getClassLoader());
        for (ClassLoader cl : loaders) {
            try {
                final Class<?> c = Class.forName(name, false, cl);
                if (expected.isAssignableFrom(c)) {
                    return Optional.of(c.asSubclass(expected));
                }
                return Optional.empty();
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        return Optional.empty();
    }

    private static Object instantiate(final String serializerClass, final Class<?> forClass,
        final boolean allowNonPublic) {
        final Optional<Class<?>> c = loadClass(serializerClass, Object.class, forClass.getClassLoader())
            .map(x -> (Class<?>)x);
        if (c.isEmpty()) {
            throw new IllegalStateException("Serializer class " + serializerClass + " registered for "
                + forClass.getName() + " not found");
        }
        try {
            final Constructor<?> ctor = allowNonPublic ? c.get().getDeclaredConstructor() : c.get().getConstructor();
            ctor.setAccessible(allowNonPublic);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Serializer " + serializerClass + " for " + forClass.getName()
                + " needs a public no-argument constructor: " + e, e);
        }
    }

    private static Object legacy(final Class<?> cl, final String methodName) {
        try {
            final Method m = cl.getMethod(methodName);
            if (Modifier.isStatic(m.getModifiers())) {
                return m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Calling " + cl.getName() + "." + methodName + "() failed: " + e, e);
        }
        return null;
    }
}
