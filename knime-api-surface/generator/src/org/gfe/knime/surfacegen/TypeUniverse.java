package org.gfe.knime.surfacegen;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type information for every type the surface mentions: listed types from the signature list, stubs for
 * {@code ref} types, and JDK types through reflection (the generator runs on the JDK the surface compiles against).
 */
final class TypeUniverse {

    /** A supertype of some start type, with its type variables mapped to types in the start type's context. */
    record Supertype(TypeInfo type, Map<String, JType> map) {
    }

    private final Map<String, TypeInfo> types = new HashMap<>();
    private final Map<String, String> binaryNames = new HashMap<>();

    TypeUniverse(SignatureFile list, StubPlan stubs) {
        for (ListedType t : list.types) {
            binaryNames.put(t.fqcn(), t.binary());
            List<JType.ClassRef> supers = classRefs(t.extendsText());
            JType.ClassRef superclass = t.isInterface() ? null : supers.get(0);
            List<JType.ClassRef> interfaces = t.isInterface() ? supers : classRefs(t.implementsText());
            TypeInfo info = new TypeInfo(t.fqcn(), t.isInterface(),
                    TypeParser.parseTypeParams(t.typeParams()), superclass, interfaces, t);
            for (ListedMember m : t.members()) {
                if (m.is("method")) {
                    info.methods.add(Declaration.parse("method", m.declaration()));
                } else if (m.is("constructor")) {
                    info.constructors.add(Declaration.parse("constructor", m.declaration()));
                }
            }
            types.put(t.fqcn(), info);
        }
        for (StubPlan.Stub s : stubs.stubs()) {
            binaryNames.put(s.fqcn(), s.binary());
            types.put(s.fqcn(), new TypeInfo(s.fqcn(), s.kind().equals("interface"), s.typeParams(), s.superclass(), List.of(), null));
        }
    }

    private static List<JType.ClassRef> classRefs(String text) {
        return TypeParser.parseList(text).stream().map(t -> (JType.ClassRef) t).toList();
    }

    TypeInfo get(String name) {
        TypeInfo info = types.get(name);
        if (info == null) {
            info = fromReflection(loadJdk(name));
            types.put(name, info);
        }
        return info;
    }

    String binaryName(String canonical) {
        String binary = binaryNames.get(canonical);
        return binary != null ? binary : loadJdk(canonical).getName();
    }

    /** The start type and all its supertypes (first path wins), type arguments substituted into its context. */
    List<Supertype> supertypes(TypeInfo start) {
        Map<String, Supertype> seen = new LinkedHashMap<>();
        List<Supertype> queue = new ArrayList<>();
        queue.add(new Supertype(start, Map.of()));
        seen.put(start.name, queue.get(0));
        for (int i = 0; i < queue.size(); i++) {
            Supertype current = queue.get(i);
            for (JType.ClassRef ref : current.type().directSupertypes()) {
                TypeInfo s = get(ref.name());
                if (seen.containsKey(s.name)) {
                    continue;
                }
                Map<String, JType> map = new HashMap<>();
                for (int p = 0; p < s.typeParams.size(); p++) {
                    JType.TypeParam param = s.typeParams.get(p);
                    JType arg = ref.args().isEmpty()
                            ? new JType.ClassRef(JType.erasure(new JType.TypeVar(param.name()), s::typeParam), List.of())
                            : ref.args().get(p).substitute(current.map());
                    map.put(param.name(), arg);
                }
                Supertype next = new Supertype(s, map);
                seen.put(s.name, next);
                queue.add(next);
            }
        }
        return queue;
    }

    /** True if {@code sub} is {@code sup} or a subtype of it. */
    boolean isSubtype(String sub, String sup) {
        return supertypes(get(sub)).stream().anyMatch(s -> s.type().name.equals(sup));
    }

    boolean isUncheckedThrowable(String name) {
        return isSubtype(name, "java.lang.RuntimeException") || isSubtype(name, "java.lang.Error");
    }

    private static Class<?> loadJdk(String canonical) {
        String candidate = canonical;
        while (true) {
            try {
                return Class.forName(candidate, false, TypeUniverse.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("type " + canonical + " is neither listed, a stub, nor in the JDK");
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }

    private static TypeInfo fromReflection(Class<?> c) {
        List<JType.TypeParam> params = Arrays.stream(c.getTypeParameters()).map(TypeUniverse::typeParam).toList();
        JType.ClassRef superclass = c.getGenericSuperclass() == null ? null : (JType.ClassRef) convert(c.getGenericSuperclass());
        List<JType.ClassRef> interfaces = Arrays.stream(c.getGenericInterfaces()).map(t -> (JType.ClassRef) convert(t)).toList();
        TypeInfo info = new TypeInfo(c.getCanonicalName(), c.isInterface(), params, superclass, interfaces, null);
        for (Method m : c.getDeclaredMethods()) {
            if (!m.isSynthetic() && !m.isBridge() && (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))) {
                info.methods.add(declaration(m, m.getName(), convert(m.getGenericReturnType()), m.isDefault()));
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (!k.isSynthetic() && (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers()))) {
                info.constructors.add(declaration(k, c.getSimpleName(), null, false));
            }
        }
        return info;
    }

    private static Declaration declaration(Executable e, String name, JType returnType, boolean isDefault) {
        int mod = e.getModifiers();
        List<String> modifiers = new ArrayList<>();
        modifiers.add(Modifier.isPublic(mod) ? "public" : "protected");
        if (Modifier.isAbstract(mod)) {
            modifiers.add("abstract");
        }
        if (Modifier.isStatic(mod)) {
            modifiers.add("static");
        }
        if (Modifier.isFinal(mod)) {
            modifiers.add("final");
        }
        if (isDefault) {
            modifiers.add("default");
        }
        return new Declaration(modifiers, Arrays.stream(e.getTypeParameters()).map(TypeUniverse::typeParam).toList(),
                returnType, name, Arrays.stream(e.getGenericParameterTypes()).map(TypeUniverse::convert).toList(),
                e.isVarArgs(), Arrays.stream(e.getGenericExceptionTypes()).map(TypeUniverse::convert).toList());
    }

    private static JType.TypeParam typeParam(TypeVariable<?> v) {
        List<JType> bounds = Arrays.stream(v.getBounds()).map(TypeUniverse::convert)
                .filter(b -> !(b instanceof JType.ClassRef c && c.name().equals("java.lang.Object"))).toList();
        return new JType.TypeParam(v.getName(), bounds);
    }

    private static JType convert(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isPrimitive()) {
                return new JType.Primitive(c.getName());
            }
            return c.isArray() ? new JType.ArrayOf(convert(c.getComponentType())) : new JType.ClassRef(c.getCanonicalName(), List.of());
        } else if (t instanceof ParameterizedType p) {
            return new JType.ClassRef(((Class<?>) p.getRawType()).getCanonicalName(),
                    Arrays.stream(p.getActualTypeArguments()).map(TypeUniverse::convert).toList());
        } else if (t instanceof TypeVariable<?> v) {
            return new JType.TypeVar(v.getName());
        } else if (t instanceof GenericArrayType g) {
            return new JType.ArrayOf(convert(g.getGenericComponentType()));
        } else if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return new JType.Wildcard("super", convert(w.getLowerBounds()[0]));
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? new JType.Wildcard(null, null) : new JType.Wildcard("extends", convert(upper));
        }
        throw new IllegalArgumentException("unsupported reflected type " + t);
    }
}
