package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes a class file's type line fields and member declarations exactly as the signature list writes them, so
 * that the two can be compared as strings (same modifier order, canonical names, generics and varargs).
 */
public final class ShapeText {

    private final TypeNames names;
    private final JvmSignatureText signatures;

    public ShapeText(TypeNames names) {
        this.names = names;
        this.signatures = new JvmSignatureText(names);
    }

    /** {@code class}, {@code abstract class}, {@code final class}, {@code interface}, {@code enum} or {@code record}. */
    public static String kind(ClassShape c) {
        if (c.isInterface()) {
            return (c.access() & Opcodes.ACC_ANNOTATION) != 0 ? "annotation" : "interface";
        } else if (c.isEnum()) {
            return "enum";
        } else if (c.isRecord()) {
            return "record";
        }
        int a = c.sourceAccess();
        return (a & Opcodes.ACC_ABSTRACT) != 0 ? "abstract class" : (a & Opcodes.ACC_FINAL) != 0 ? "final class" : "class";
    }

    /** {@code public}, {@code protected static}, {@code package-private}, ... */
    public static String modifiers(ClassShape c) {
        int a = c.sourceAccess();
        String access = visibility(a);
        return c.innerAccess() != null && (a & Opcodes.ACC_STATIC) != 0 ? access + " static" : access;
    }

    static String visibility(int a) {
        return (a & Opcodes.ACC_PUBLIC) != 0 ? "public" : (a & Opcodes.ACC_PROTECTED) != 0 ? "protected"
                : (a & Opcodes.ACC_PRIVATE) != 0 ? "private" : "package-private";
    }

    public String typeParams(ClassShape c) {
        String p = header(c).typeParams();
        return p.isEmpty() ? "-" : p;
    }

    /** The list's {@code extends} field: superclass for classes, super-interfaces for interfaces. */
    public String extendsText(ClassShape c) {
        JvmSignatureText.ClassText h = header(c);
        if (c.isInterface()) {
            return h.interfaces().isEmpty() ? "-" : String.join(", ", h.interfaces());
        }
        return h.superclass();
    }

    public String implementsText(ClassShape c) {
        JvmSignatureText.ClassText h = header(c);
        return c.isInterface() || h.interfaces().isEmpty() ? "-" : String.join(", ", h.interfaces());
    }

    private JvmSignatureText.ClassText header(ClassShape c) {
        return signatures.type(c.signature(), c.superName(), c.interfaces());
    }

    public static String deprecated(int access) {
        return (access & Opcodes.ACC_DEPRECATED) != 0 ? "yes" : "no";
    }

    /** Member key as the list's erased field: {@code name(P1,P2)R} or {@code <init>(P)}. */
    public static String erased(ClassShape.Method m) {
        StringBuilder sb = new StringBuilder(m.name()).append('(');
        Type[] args = Type.getArgumentTypes(m.desc());
        for (int i = 0; i < args.length; i++) {
            sb.append(i > 0 ? "," : "").append(JvmSignatureText.erasedName(args[i]));
        }
        sb.append(')');
        return m.isConstructor() ? sb.toString() : sb.append(JvmSignatureText.erasedName(Type.getReturnType(m.desc()))).toString();
    }

    /** Member key of a field: {@code name:T}, or just {@code NAME} for an enum constant. */
    public static String erased(ClassShape.Field f) {
        return (f.access() & Opcodes.ACC_ENUM) != 0 ? f.name() : f.name() + ":" + JvmSignatureText.erasedName(Type.getType(f.desc()));
    }

    public String declaration(ClassShape owner, ClassShape.Method m) {
        JvmSignatureText.MethodText t = signatures.method(m.desc(), m.signature(), m.exceptions());
        List<String> parts = new ArrayList<>();
        parts.add(memberModifiers(owner, m.access(), !m.isConstructor()));
        if (!t.typeParams().isEmpty()) {
            parts.add(t.typeParams());
        }
        String name = m.isConstructor() ? simpleName(owner) : t.returnType() + " " + m.name();
        parts.add(name);
        List<String> params = new ArrayList<>(t.params());
        if ((m.access() & Opcodes.ACC_VARARGS) != 0 && !params.isEmpty()) {
            String last = params.get(params.size() - 1);
            params.set(params.size() - 1, last.substring(0, last.length() - 2) + "...");
        }
        String decl = String.join(" ", parts).trim() + "(" + String.join(", ", params) + ")";
        return t.throwsTypes().isEmpty() ? decl : decl + " throws " + String.join(", ", t.throwsTypes());
    }

    public String declaration(ClassShape owner, ClassShape.Field f) {
        return memberModifiers(owner, f.access(), false) + " " + signatures.field(f.desc(), f.signature()) + " " + f.name();
    }

    /** A nested-type member: {@code public static final class a.b.Outer.Inner}. */
    public String nestedDeclaration(ClassShape.Nested n, ClassShape nested) {
        int a = n.access();
        StringBuilder sb = new StringBuilder(visibility(a));
        if ((a & Opcodes.ACC_STATIC) != 0) {
            sb.append(" static");
        }
        String kind = nested == null ? "?" : kind(nested);
        if (kind.equals("abstract class")) {
            sb.append(" abstract class");
        } else if (kind.equals("final class")) {
            sb.append(" final class");
        } else {
            sb.append(' ').append(kind);
        }
        return sb.append(' ').append(names.canonical(n.binary())).toString();
    }

    /** Modifiers in the list's order: access, abstract, static, final, default (interface methods made explicit). */
    private static String memberModifiers(ClassShape owner, int a, boolean method) {
        List<String> mods = new ArrayList<>();
        mods.add(visibility(a));
        if ((a & Opcodes.ACC_ABSTRACT) != 0) {
            mods.add("abstract");
        }
        if ((a & Opcodes.ACC_STATIC) != 0) {
            mods.add("static");
        }
        if ((a & Opcodes.ACC_FINAL) != 0) {
            mods.add("final");
        }
        if (method && owner.isInterface() && (a & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
            mods.add("default");
        }
        return String.join(" ", mods);
    }

    private String simpleName(ClassShape owner) {
        String canonical = names.canonical(owner.binary());
        return canonical.substring(canonical.lastIndexOf('.') + 1);
    }

    /** A ConstantValue as the list's Java literal ({@code -1}, {@code "text"}, {@code 1L}, {@code true}). */
    public static String literal(ClassShape.Field f) {
        Object v = f.value();
        switch (f.desc()) {
            case "Z":
                return ((Integer) v) != 0 ? "true" : "false";
            case "C":
                return "'" + escape(String.valueOf((char) (int) (Integer) v), '\'') + "'";
            case "J":
                return v + "L";
            case "F":
                return v + "f";
            case "Ljava/lang/String;":
                return "\"" + escape((String) v, '"') + "\"";
            default:
                return String.valueOf(v);
        }
    }

    private static String escape(String s, char quote) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '|' -> sb.append("\\u007c");
                default -> {
                    if (c == quote) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
