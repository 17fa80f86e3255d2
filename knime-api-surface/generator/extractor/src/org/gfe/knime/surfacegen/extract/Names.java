package org.gfe.knime.surfacegen.extract;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;

/**
 * Binary names ({@code a.b.Outer$Inner}) to the canonical names the list writes ({@code a.b.Outer.Inner}): from the
 * InnerClasses attribute of bundle classes, from reflection for JDK classes.
 */
final class Names {

    private final Bundles bundles;
    private final Map<String, String> cache = new HashMap<>();

    Names(Bundles bundles) {
        this.bundles = bundles;
    }

    String canonical(String binary) {
        String name = cache.get(binary);
        if (name == null) {
            name = resolve(binary); // recursive for nested types, so no computeIfAbsent
            cache.put(binary, name);
        }
        return name;
    }

    private String resolve(String binary) {
        String internal = binary.replace('.', '/');
        ClassNode node = bundles.node(internal);
        if (node != null) {
            InnerClassNode self = ownEntry(node);
            if (self == null) {
                return binary;
            }
            if (self.outerName == null || self.innerName == null) {
                throw new IllegalArgumentException(binary + " is a local or anonymous class: it has no canonical name");
            }
            return canonical(self.outerName.replace('/', '.')) + "." + self.innerName;
        }
        Class<?> jdk = jdk(binary);
        if (jdk != null && jdk.getCanonicalName() != null) {
            return jdk.getCanonicalName();
        }
        return binary.replace('$', '.');
    }

    /** The binary name of the type that encloses this one, or null for a top-level type. */
    String outer(String binary) {
        ClassNode node = bundles.node(binary.replace('.', '/'));
        if (node != null) {
            InnerClassNode self = ownEntry(node);
            return self == null || self.outerName == null ? null : self.outerName.replace('/', '.');
        }
        Class<?> jdk = jdk(binary);
        return jdk == null || jdk.getEnclosingClass() == null ? null : jdk.getEnclosingClass().getName();
    }

    static InnerClassNode ownEntry(ClassNode node) {
        for (InnerClassNode inner : node.innerClasses) {
            if (inner.name.equals(node.name)) {
                return inner;
            }
        }
        return null;
    }

    static Class<?> jdk(String binary) {
        try {
            return Class.forName(binary, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** True for JDK types (which the list never describes or names in ref lines). */
    boolean isJdk(String binary) {
        return !bundles.contains(binary.replace('.', '/')) && jdk(binary) != null;
    }

    /**
     * The binary name of a canonical name ({@code a.b.Outer.Inner} -> {@code a.b.Outer$Inner}) found in the bundles or
     * the JDK, or null.
     */
    String binaryOf(String canonical) {
        String candidate = canonical;
        while (true) {
            if (bundles.contains(candidate.replace('.', '/')) || jdk(candidate) != null) {
                return candidate;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
        }
    }
}
