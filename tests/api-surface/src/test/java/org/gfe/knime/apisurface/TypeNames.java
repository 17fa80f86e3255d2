package org.gfe.knime.apisurface;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns binary names ({@code a.b.Outer$Inner}) into the canonical names the list writes ({@code a.b.Outer.Inner}):
 * from the list itself, from the InnerClasses data of the classes read, else from the JDK.
 */
public final class TypeNames {

    private final SignatureList list;
    private final Map<String, ClassShape> classes;
    private final Map<String, String> cache = new HashMap<>();

    public TypeNames(SignatureList list, Map<String, ClassShape> classes) {
        this.list = list;
        this.classes = classes;
    }

    public String canonical(String binary) {
        String name = cache.get(binary);
        if (name == null) {
            name = resolve(binary); // recursive for nested types, so no computeIfAbsent
            cache.put(binary, name);
        }
        return name;
    }

    private String resolve(String binary) {
        String listed = list.canonicalName(binary);
        if (listed != null) {
            return listed;
        }
        ClassShape shape = classes.get(binary);
        if (shape != null && shape.outer() != null) {
            return canonical(shape.outer()) + "." + binary.substring(shape.outer().length() + 1);
        }
        try {
            String name = Class.forName(binary, false, TypeNames.class.getClassLoader()).getCanonicalName();
            if (name != null) {
                return name;
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // not a JDK type: fall through
        }
        return binary.replace('$', '.');
    }
}
