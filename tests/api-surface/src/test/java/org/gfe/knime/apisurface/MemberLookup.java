package org.gfe.knime.apisurface;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a field or method reference the way the JVM does, but against the signature list: the owner, then its
 * listed supertypes, then JDK supertypes (by reflection; KNIME types inherit from the JDK exactly as listed).
 * Keys are the list's erased forms: {@code name(P1,P2)R}, {@code <init>(P)}, {@code name:T}.
 */
public final class MemberLookup {

    private final SignatureList list;

    public MemberLookup(SignatureList list) {
        this.list = list;
    }

    /** True if the member exists on the owner (binary name) or, except constructors, on one of its supertypes. */
    public boolean resolves(String owner, String key) {
        if (key.startsWith("<init>(")) {
            SignatureList.Type t = list.type(owner);
            return t != null ? t.members().containsKey(key) : jdkHas(owner, key, false);
        }
        return search(owner, key);
    }

    /** True if a listed type's unlisted member "method key" overrides a member of one of its supertypes. */
    public boolean overridesInherited(SignatureList.Type t, String extra) {
        if (!extra.startsWith("method ")) {
            return false;
        }
        String key = extra.substring("method ".length());
        for (String s : list.directSupertypes(t)) {
            String binary = binaryOf(s);
            if (binary != null && search(binary, key)) {
                return true;
            }
        }
        return false;
    }

    private boolean search(String start, String key) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String binary = queue.poll();
            if (!seen.add(binary)) {
                continue;
            }
            SignatureList.Type t = list.type(binary);
            if (t == null) {
                if (jdkHas(binary, key, true)) {
                    return true;
                }
                continue;
            }
            if (hasListed(t, key)) {
                return true;
            }
            for (String s : list.directSupertypes(t)) {
                String b = binaryOf(s);
                if (b != null) {
                    queue.add(b);
                }
            }
        }
        return false;
    }

    private static boolean hasListed(SignatureList.Type t, String key) {
        if (t.members().containsKey(key)) {
            return true;
        }
        int colon = key.indexOf(':');
        if (colon > 0 && key.indexOf('(') < 0) {
            // a field reference to an enum constant: the list keys it by NAME only
            SignatureList.Member constant = t.members().get(key.substring(0, colon));
            if (constant != null && constant.kind().equals("enumconstant")) {
                return true;
            }
        }
        if (t.kind().equals("enum")) {
            return key.equals("values()" + t.binary() + "[]") || key.equals("valueOf(java.lang.String)" + t.binary());
        }
        return false;
    }

    /** Binary name for a canonical name found in the list's supertype fields (listed, ref or JDK). */
    private String binaryOf(String canonical) {
        String b = list.binaryOf(canonical);
        if (b != null) {
            return b;
        }
        Class<?> c = jdkClass(canonical);
        return c == null ? null : c.getName();
    }

    private static Class<?> jdkClass(String name) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, MemberLookup.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }

    /** Searches a JDK class (and, if {@code inherited}, its supertypes) for a non-private member with this key. */
    private static boolean jdkHas(String binary, String key, boolean inherited) {
        Class<?> start = jdkClass(binary);
        if (start == null) {
            return false;
        }
        List<Class<?>> todo = new ArrayList<>(List.of(start));
        if (start.isInterface()) {
            todo.add(Object.class);
        }
        for (int i = 0; i < todo.size(); i++) {
            Class<?> c = todo.get(i);
            if (key.startsWith("<init>(")) {
                for (var k : c.getDeclaredConstructors()) {
                    if (!Modifier.isPrivate(k.getModifiers()) && key.equals("<init>" + params(k.getParameterTypes()))) {
                        return true;
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPrivate(m.getModifiers())
                        && key.equals(m.getName() + params(m.getParameterTypes()) + m.getReturnType().getTypeName())) {
                    return true;
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isPrivate(f.getModifiers()) && key.equals(f.getName() + ":" + f.getType().getTypeName())) {
                    return true;
                }
            }
            if (inherited) {
                if (c.getSuperclass() != null) {
                    todo.add(c.getSuperclass());
                }
                todo.addAll(Arrays.asList(c.getInterfaces()));
            }
        }
        return false;
    }

    private static String params(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getTypeName).collect(Collectors.joining(",", "(", ")"));
    }
}
