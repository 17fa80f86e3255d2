package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the {@code super(...)} call of a generated constructor: it picks an accessible constructor of the superclass
 * (listed, or the JDK's) whose checked exceptions the calling constructor declares, and passes {@code null}/zero
 * casts to the exact parameter types so overload resolution picks that very constructor.
 */
final class SuperCalls {

    /** A chosen superclass constructor: the call text and its parameters' checked exceptions. */
    record Call(String text, List<JType> checkedThrows) {
    }

    private final TypeUniverse universe;

    SuperCalls(TypeUniverse universe) {
        this.universe = universe;
    }

    /**
     * The super call for a constructor of {@code type} that declares {@code declared} (null = may declare whatever
     * the chosen constructor throws); empty text if the superclass is Object.
     */
    Call superCall(TypeInfo type, List<JType> declared) {
        if (type.superclass == null || type.superclass.name().equals("java.lang.Object")) {
            return new Call("", List.of());
        }
        TypeInfo s = universe.get(type.superclass.name());
        Map<String, JType> map = universe.supertypes(type).stream().filter(st -> st.type() == s).findFirst().orElseThrow().map();
        List<Declaration> candidates = new ArrayList<>(s.constructors);
        if (candidates.isEmpty() && s.listed != null) {
            // the superclass has no public/protected constructor; the generator gives it a package-private one
            if (!packageOf(s).equals(packageOf(type))) {
                throw new IllegalStateException(type.name + " extends " + s.name
                        + " from another package, which lists no public/protected constructor");
            }
            candidates.add(new Declaration(List.of(), List.of(), null, s.name, List.of(), false, List.of()));
        }
        candidates.sort(Comparator.comparingInt(k -> k.params().size()));
        for (Declaration k : candidates) {
            List<JType> checked = k.throwsList().stream().map(x -> x.substitute(map))
                    .filter(x -> !universe.isUncheckedThrowable(((JType.ClassRef) x).name())).toList();
            if (declared == null || checked.stream().allMatch(x -> declares(declared, x))) {
                String args = k.params().stream().map(p -> nullOf(p.substitute(map))).collect(Collectors.joining(", "));
                return new Call("super(" + args + ");", checked);
            }
        }
        throw new IllegalStateException("no constructor of " + s.name + " fits a constructor of " + type.name
                + " declaring throws " + declared.stream().map(JType::render).toList());
    }

    private boolean declares(List<JType> declared, JType thrown) {
        return declared.stream().anyMatch(d -> universe.isSubtype(((JType.ClassRef) thrown).name(), ((JType.ClassRef) d).name()));
    }

    static String packageOf(TypeInfo t) {
        String binary = t.listed != null ? t.listed.binary() : t.name;
        String top = binary.contains("$") ? binary.substring(0, binary.indexOf('$')) : binary;
        return top.substring(0, top.lastIndexOf('.'));
    }

    /** A value of the given type that selects exactly this parameter type: {@code (T) null}, {@code (int) 0}. */
    static String nullOf(JType type) {
        if (type instanceof JType.Primitive p) {
            return p.name().equals("boolean") ? "false" : "(" + p.name() + ") 0";
        }
        return "(" + type.render() + ") null";
    }
}
