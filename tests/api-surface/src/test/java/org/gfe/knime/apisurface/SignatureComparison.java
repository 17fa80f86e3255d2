package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Compares compiled classes with a signature list. Two modes:
 * <ul>
 * <li>{@link #surfaceMismatches}: the compile-only surface must have every listed type and member with the same
 * shape, and no public/protected type or member the list does not have (except the documented extras);</li>
 * <li>{@link #subsetMismatches}: test doubles may leave members out, but whatever public/protected API they have
 * under {@code org/knime} must be listed with the same shape (or override a listed/JDK supertype method).</li>
 * </ul>
 * Each mismatch is one readable line naming the type, the member and both shapes.
 */
public final class SignatureComparison {

    /** Documented exceptions of the surface: stub types, and compiler-required implementations (owner -> erased keys). */
    public record SurfaceExtras(Set<String> extraTypes, Map<String, Set<String>> supplements) {
    }

    private final SignatureList list;
    private final Map<String, ClassShape> classes;
    private final ShapeText text;
    private final MemberLookup lookup;

    public SignatureComparison(SignatureList list, Map<String, ClassShape> classes) {
        this.list = list;
        this.classes = classes;
        this.text = new ShapeText(new TypeNames(list, classes));
        this.lookup = new MemberLookup(list);
    }

    public List<String> surfaceMismatches(SurfaceExtras extras) {
        List<String> out = new ArrayList<>();
        for (SignatureList.Type t : list.types()) {
            ClassShape c = classes.get(t.binary());
            if (c == null) {
                out.add(t.fqcn() + ": listed type missing from the surface (no class file " + t.binary() + ")");
                continue;
            }
            compareType(t, c, true, out);
            Set<String> seen = new HashSet<>();
            for (SignatureList.Member m : t.members().values()) {
                seen.add(m.erased());
                if (!memberPresent(t, c, m, true, out)) {
                    out.add(t.fqcn() + ": listed " + m.kind() + " missing from the surface: " + m.declaration());
                }
            }
            for (String extra : unlistedApi(t, c)) {
                if (isNestedStub(extra, extras) || isSupplement(t, extra, extras) || isListedNestedOfIncomplete(t, extra)) {
                    continue;
                }
                out.add(t.fqcn() + ": surface has a public/protected member the list does not: " + extra);
            }
        }
        for (ClassShape c : classes.values()) {
            if (list.type(c.binary()) == null && !extras.extraTypes().contains(c.binary())) {
                out.add(c.binary() + ": class in the surface that is neither listed nor in signatures/extra-types.txt");
            }
        }
        for (String extra : extras.extraTypes()) {
            ClassShape c = classes.get(extra);
            if (c == null) {
                out.add(extra + ": in signatures/extra-types.txt but not in the surface");
            } else if (list.type(extra) != null) {
                out.add(extra + ": in signatures/extra-types.txt but also listed: remove it from extra-types.txt");
            } else {
                for (String member : unlistedApi(null, c)) {
                    if (!member.startsWith("nestedtype ")) {
                        out.add(extra + ": stub type must stay empty but has " + member);
                    }
                }
            }
        }
        return out;
    }

    public List<String> subsetMismatches() {
        List<String> out = new ArrayList<>();
        for (ClassShape c : classes.values()) {
            if (!c.binary().startsWith("org.knime.") || !c.isApi() || !enclosingApi(c)) {
                continue; // package-private helpers of the doubles are not API
            }
            SignatureList.Type t = list.type(c.binary());
            if (t == null) {
                out.add(c.binary() + ": public/protected type not in the 5.3 lists"
                        + (list.isRefOnly(c.binary()) ? " (only mentioned by a 'ref' line: no shape to check)" : ""));
                continue;
            }
            compareType(t, c, false, out);
            for (SignatureList.Member m : t.members().values()) {
                memberPresent(t, c, m, false, out);
            }
            for (String extra : unlistedApi(t, c)) {
                if (!extra.startsWith("nestedtype ") && !lookup.overridesInherited(t, extra)) {
                    out.add(t.fqcn() + ": public/protected member not in the 5.3 lists: " + extra);
                }
            }
        }
        return out;
    }

    /**
     * Checks the listed types against real class files (KNIME's own bundles): every listed type and member exists with
     * the listed shape (kind, modifiers, type parameters, supertypes, erasure, generic declaration, throws, constant
     * value, enum ordinal, deprecation), and each type is as complete as its listing says: {@code full} = no other
     * public/protected member or nested type; {@code header}/{@code supertype-header} = every public/protected
     * constructor and abstract method is listed ({@code select} lists what it names).
     */
    public List<String> realClassMismatches() {
        List<String> out = new ArrayList<>();
        for (SignatureList.Type t : list.types()) {
            ClassShape c = classes.get(t.binary());
            if (c == null) {
                out.add(t.fqcn() + ": no class file " + t.binary() + " in the real bundles");
                continue;
            }
            compareType(t, c, true, out);
            for (SignatureList.Member m : t.members().values()) {
                if (!memberPresent(t, c, m, true, out)) {
                    out.add(t.fqcn() + ": listed " + m.kind() + " not in the real class: " + m.declaration());
                }
            }
            if (t.complete()) {
                for (String extra : unlistedApi(t, c)) {
                    out.add(t.fqcn() + ": the real class has a public/protected member the full listing does not: " + extra);
                }
            } else if (t.listing().equals("header") || t.listing().equals("supertype-header")) {
                for (ClassShape.Method m : c.methods()) {
                    boolean required = m.isConstructor() || (m.access() & Opcodes.ACC_ABSTRACT) != 0;
                    if (required && ClassShape.isApi(m.access()) && !t.members().containsKey(ShapeText.erased(m))) {
                        out.add(t.fqcn() + ": the real class has a " + (m.isConstructor() ? "constructor " : "abstract method ")
                                + ShapeText.erased(m) + " the " + t.listing() + " listing does not");
                    }
                }
            }
        }
        return out;
    }

    private boolean enclosingApi(ClassShape c) {
        for (ClassShape outer = c.outer() == null ? null : classes.get(c.outer()); outer != null;
                outer = outer.outer() == null ? null : classes.get(outer.outer())) {
            if (!outer.isApi()) {
                return false;
            }
        }
        return true;
    }

    private void compareType(SignatureList.Type t, ClassShape c, boolean withDeprecation, List<String> out) {
        check(out, t.fqcn(), "kind", t.kind(), ShapeText.kind(c));
        check(out, t.fqcn(), "modifiers", t.modifiers(), ShapeText.modifiers(c));
        check(out, t.fqcn(), "type parameters", t.typeParams(), text.typeParams(c));
        check(out, t.fqcn(), "extends", t.extendsText(), text.extendsText(c));
        check(out, t.fqcn(), "implements", t.implementsText(), text.implementsText(c));
        if (withDeprecation) {
            check(out, t.fqcn(), "deprecation", t.deprecated().equals("no") ? "no" : "yes", ShapeText.deprecated(c.access()));
        }
    }

    /** Finds the member in the class by its erased key and compares its shape; false if absent. */
    private boolean memberPresent(SignatureList.Type t, ClassShape c, SignatureList.Member m, boolean withDeprecation,
            List<String> out) {
        String where = t.fqcn() + " " + m.kind() + " " + m.erased();
        switch (m.kind()) {
            case "method", "constructor" -> {
                for (ClassShape.Method cm : c.methods()) {
                    if (ShapeText.erased(cm).equals(m.erased()) && ClassShape.isApi(cm.access())) {
                        check(out, where, "declaration", m.declaration(), text.declaration(c, cm));
                        if (withDeprecation) {
                            check(out, where, "deprecation", m.deprecated().equals("no") ? "no" : "yes", ShapeText.deprecated(cm.access()));
                        }
                        return true;
                    }
                }
            }
            case "field", "enumconstant" -> {
                int ordinal = 0;
                for (ClassShape.Field f : c.fields()) {
                    if (ShapeText.erased(f).equals(m.erased()) && ClassShape.isApi(f.access())) {
                        check(out, where, "declaration", m.declaration(), text.declaration(c, f));
                        String constant = m.flags().get("constant");
                        check(out, where, "constant value", constant == null ? "(not a constant)" : constant,
                                f.value() == null ? "(not a constant)" : ShapeText.literal(f));
                        if (m.kind().equals("enumconstant")) {
                            check(out, where, "ordinal", m.flags().get("ordinal"), String.valueOf(ordinal));
                        }
                        if (withDeprecation) {
                            check(out, where, "deprecation", m.deprecated().equals("no") ? "no" : "yes", ShapeText.deprecated(f.access()));
                        }
                        return true;
                    }
                    if ((f.access() & Opcodes.ACC_ENUM) != 0) {
                        ordinal++;
                    }
                }
            }
            case "nestedtype" -> {
                for (ClassShape.Nested n : c.nested()) {
                    if (n.binary().equals(m.erased())) {
                        check(out, where, "declaration", m.declaration(), text.nestedDeclaration(n, classes.get(n.binary())));
                        return true;
                    }
                }
            }
            default -> out.add(where + ": unknown member kind in the list");
        }
        return false;
    }

    /** Public/protected members of the class that the list entry (null = none) does not have, as "kind key". */
    private List<String> unlistedApi(SignatureList.Type t, ClassShape c) {
        Map<String, SignatureList.Member> listed = t == null ? new HashMap<>() : t.members();
        List<String> result = new ArrayList<>();
        for (ClassShape.Method m : c.methods()) {
            String key = ShapeText.erased(m);
            if (ClassShape.isApi(m.access()) && !listed.containsKey(key) && !compilerGenerated(c, m, key)) {
                result.add((m.isConstructor() ? "constructor " : "method ") + key);
            }
        }
        for (ClassShape.Field f : c.fields()) {
            String key = ShapeText.erased(f);
            if (ClassShape.isApi(f.access()) && !listed.containsKey(key)) {
                result.add("field " + key);
            }
        }
        for (ClassShape.Nested n : c.nested()) {
            if (ClassShape.isApi(n.access()) && !listed.containsKey(n.binary())) {
                result.add("nestedtype " + n.binary());
            }
        }
        return result;
    }

    /** Enum values()/valueOf(String) and a record's equals/hashCode/toString are implicit, so the list omits them. */
    private static boolean compilerGenerated(ClassShape c, ClassShape.Method m, String key) {
        if (c.isEnum()) {
            return key.equals("values()" + c.binary() + "[]") || key.equals("valueOf(java.lang.String)" + c.binary());
        }
        return c.isRecord() && (key.equals("equals(java.lang.Object)boolean") || key.equals("hashCode()int")
                || key.equals("toString()java.lang.String"));
    }

    private static boolean isNestedStub(String extra, SurfaceExtras extras) {
        return extra.startsWith("nestedtype ") && extras.extraTypes().contains(extra.substring("nestedtype ".length()));
    }

    /** An incomplete listing omits nested-type members, but the nested type may be listed in its own block. */
    private boolean isListedNestedOfIncomplete(SignatureList.Type t, String extra) {
        return !t.complete() && extra.startsWith("nestedtype ") && list.type(extra.substring("nestedtype ".length())) != null;
    }

    /** A documented supplement: only in types the list gives incompletely, and only methods. */
    private static boolean isSupplement(SignatureList.Type t, String extra, SurfaceExtras extras) {
        return !t.complete() && extra.startsWith("method ")
                && extras.supplements().getOrDefault(t.fqcn(), Set.of()).contains(extra.substring("method ".length()));
    }

    private static void check(List<String> out, String where, String what, String listed, String actual) {
        if (!listed.equals(actual)) {
            out.add(where + ": " + what + " differs: list has [" + listed + "], class file has [" + actual + "]");
        }
    }
}
