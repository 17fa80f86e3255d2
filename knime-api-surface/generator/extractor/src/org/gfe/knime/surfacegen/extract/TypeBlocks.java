package org.gfe.knime.surfacegen.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Writes one {@code type} block (type line and member lines, format: signatures/EXTRACTION.md) from a class file.
 * It also reports which types the block mentions: in its type line (supertypes, bounds; these must be listed too,
 * as {@code supertype-header} if nothing else lists them) and in its members (these become {@code ref} lines).
 */
final class TypeBlocks {

    /** A member line with its sort keys: group (0 enum constants in declaration order, 1 fields, 2 constructors,
     * 3 methods, 4 nested types), name, erased form. */
    record MemberLine(int group, int order, String name, String erased, String line, Set<String> types) {
    }

    /** A finished block. {@code missing} holds the {@code missing} lines for selected members that do not exist. */
    record Block(String fqcn, String binary, String listing, String typeLine, List<MemberLine> members,
            Set<String> headerTypes, Set<String> memberTypes, List<String> nestedApiTypes, List<String> missing) {
    }

    private static final Comparator<MemberLine> ORDER = Comparator.comparingInt(MemberLine::group)
            .thenComparingInt(MemberLine::order).thenComparing(MemberLine::name).thenComparing(MemberLine::erased);

    private final Bundles bundles;
    private final Names names;
    private final SignatureText signatures;

    TypeBlocks(Bundles bundles, Names names) {
        this.bundles = bundles;
        this.names = names;
        this.signatures = new SignatureText(names);
    }

    /**
     * The block of a type. {@code listing} is full, header, supertype-header or select; for select, {@code selected}
     * names the members (see {@link Request}).
     */
    Block block(String binary, String listing, List<String> selected) {
        ClassNode cn = node(binary);
        String fqcn = names.canonical(binary);
        Set<String> headerTypes = new LinkedHashSet<>();

        signatures.onType(headerTypes::add);
        String typeLine = typeLine(cn, fqcn, binary, listing);

        List<MemberLine> all = new ArrayList<>();
        List<Boolean> inHeader = new ArrayList<>();
        List<String> selectKeys = new ArrayList<>();
        String kind = kind(cn);
        int ordinal = 0;
        for (FieldNode f : cn.fields) {
            boolean constant = (f.access & Opcodes.ACC_ENUM) != 0;
            if (constant || isApi(f.access) && (f.access & Opcodes.ACC_SYNTHETIC) == 0) {
                all.add(field(cn, fqcn, f, constant ? ordinal : -1));
                inHeader.add(false);
                selectKeys.add(f.name + "|" + f.name);
                if (constant) {
                    ordinal++;
                }
            }
        }
        String simple = fqcn.substring(fqcn.lastIndexOf('.') + 1);
        for (MethodNode m : cn.methods) {
            if (!isApi(m.access) || (m.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
                    || m.name.equals("<clinit>") || implicitEnumMethod(cn, m) || Records.isGeneratedObjectMethod(m)) {
                continue;
            }
            String erased = SignatureText.erased(m.name, m.desc);
            String erasedParams = erased.substring(erased.indexOf('('), erased.indexOf(')') + 1);
            if (m.name.equals("<init>")) {
                if (isInnerClass(cn)) {
                    throw new IllegalStateException(fqcn + " is an inner (non-static) class with a public/protected "
                            + "constructor: its descriptor has the outer instance; not supported");
                }
                all.add(constructor(cn, simple, m));
                inHeader.add(true);
                selectKeys.add(simple + "|" + simple + erasedParams);
            } else {
                all.add(method(cn, m));
                inHeader.add((m.access & Opcodes.ACC_ABSTRACT) != 0);
                selectKeys.add(m.name + "|" + m.name + erasedParams);
            }
        }
        List<String> nestedApi = new ArrayList<>();
        for (InnerClassNode inner : cn.innerClasses) {
            if (cn.name.equals(inner.outerName) && inner.innerName != null && isApi(inner.access)) {
                String nestedBinary = inner.name.replace('/', '.');
                nestedApi.add(nestedBinary);
                all.add(nested(cn, inner));
                inHeader.add(false);
                selectKeys.add(inner.innerName + "|" + inner.innerName);
            }
        }

        List<MemberLine> members = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        switch (listing) {
            case "full" -> members.addAll(all);
            case "header", "supertype-header" -> {
                for (int i = 0; i < all.size(); i++) {
                    if (inHeader.get(i)) {
                        members.add(all.get(i));
                    }
                }
            }
            case "select" -> {
                for (String wanted : selected) {
                    boolean found = false;
                    for (int i = 0; i < all.size(); i++) {
                        String[] keys = selectKeys.get(i).split("\\|");
                        if (wanted.equals(keys[0]) || wanted.equals(keys[1])) {
                            if (!members.contains(all.get(i))) {
                                members.add(all.get(i));
                            }
                            found = true;
                        }
                    }
                    if (!found) {
                        missing.add("missing " + fqcn + "." + wanted + " | " + (declaredButNotApi(cn, wanted)
                                ? "not public or protected at this revision" : "not present at this revision"));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown listing " + listing);
        }
        members.sort(ORDER);
        Set<String> memberTypes = new LinkedHashSet<>();
        members.forEach(m -> memberTypes.addAll(m.types()));
        return new Block(fqcn, binary, listing, typeLine, members, headerTypes, memberTypes,
                listing.equals("full") ? nestedApi : List.of(), missing);
    }

    private ClassNode node(String binary) {
        ClassNode cn = bundles.node(binary.replace('.', '/'));
        if (cn == null) {
            throw new IllegalArgumentException("no class " + binary + " in the bundles");
        }
        return cn;
    }

    // ---- type line ----

    private String typeLine(ClassNode cn, String fqcn, String binary, String listing) {
        String kind = kind(cn);
        SignatureText.ClassText header = signatures.type(cn.signature, cn.superName, cn.interfaces);
        String extendsText;
        String implementsText;
        if (kind.equals("interface") || kind.equals("annotation")) {
            extendsText = header.interfaces().isEmpty() ? "-" : String.join(", ", header.interfaces());
            implementsText = "-";
        } else {
            extendsText = header.superclass() == null ? "java.lang.Object" : header.superclass();
            implementsText = header.interfaces().isEmpty() ? "-" : String.join(", ", header.interfaces());
        }
        String bundle = bundles.bundleOf(cn.name).symbolicName();
        return "type " + fqcn + " | " + kind + " | " + modifiers(cn) + " | "
                + (header.typeParams().isEmpty() ? "-" : header.typeParams()) + " | extends " + extendsText
                + " | implements " + implementsText + " | bundle=" + bundle + " listing=" + listing + " binary="
                + binary + " deprecated=" + deprecation(cn.access, cn.visibleAnnotations);
    }

    /** Source-level access: the type's own InnerClasses entry for nested types, else the class flags. */
    static int sourceAccess(ClassNode cn) {
        InnerClassNode self = Names.ownEntry(cn);
        return self != null ? self.access : cn.access;
    }

    String kind(ClassNode cn) {
        int a = sourceAccess(cn);
        if ((cn.access & Opcodes.ACC_ANNOTATION) != 0) {
            return "annotation";
        } else if ((cn.access & Opcodes.ACC_INTERFACE) != 0) {
            return "interface";
        } else if ((cn.access & Opcodes.ACC_ENUM) != 0) {
            return "enum";
        } else if ((cn.access & Opcodes.ACC_RECORD) != 0 || "java/lang/Record".equals(cn.superName)) {
            return "record";
        }
        return (a & Opcodes.ACC_ABSTRACT) != 0 ? "abstract class" : (a & Opcodes.ACC_FINAL) != 0 ? "final class" : "class";
    }

    private String modifiers(ClassNode cn) {
        InnerClassNode self = Names.ownEntry(cn);
        String access = visibility(sourceAccess(cn));
        return self != null && isStaticNested(cn, self) ? access + " static" : access;
    }

    /** Static nested: declared static, implicitly static (interface, enum, record), or nested in an interface. */
    private boolean isStaticNested(ClassNode cn, InnerClassNode entry) {
        if ((entry.access & Opcodes.ACC_STATIC) != 0) {
            return true;
        }
        String kind = kind(cn);
        if (!kind.endsWith("class")) {
            return true;
        }
        ClassNode outer = entry.outerName == null ? null : bundles.node(entry.outerName);
        return outer != null && (outer.access & Opcodes.ACC_INTERFACE) != 0;
    }

    private boolean isInnerClass(ClassNode cn) {
        InnerClassNode self = Names.ownEntry(cn);
        return self != null && self.outerName != null && !isStaticNested(cn, self);
    }

    // ---- members ----

    private MemberLine field(ClassNode cn, String fqcn, FieldNode f, int ordinal) {
        Set<String> types = new LinkedHashSet<>();
        signatures.onType(types::add);
        List<String> flags = new ArrayList<>();
        if (ordinal >= 0) {
            String decl = "public static final " + fqcn + " " + f.name;
            flags.add("ordinal=" + ordinal);
            addDeprecation(flags, f.access, f.visibleAnnotations);
            return new MemberLine(0, ordinal, f.name, f.name, member(fqcn, "enumconstant", decl, f.name, flags), Set.of());
        }
        String decl = memberModifiers(cn, f.access, false) + " " + signatures.field(f.desc, f.signature) + " " + f.name;
        if (f.value != null && (f.access & Opcodes.ACC_FINAL) != 0) {
            flags.add("constant=" + Literals.literal(f.desc, f.value));
        }
        addDeprecation(flags, f.access, f.visibleAnnotations);
        String erased = erasedField(f);
        return new MemberLine(1, 0, f.name, erased, member(fqcn, "field", decl, erased, flags), types);
    }

    private static String erasedField(FieldNode f) {
        return (f.access & Opcodes.ACC_ENUM) != 0 ? f.name
                : f.name + ":" + SignatureText.erasedName(org.objectweb.asm.Type.getType(f.desc));
    }

    private MemberLine constructor(ClassNode cn, String simple, MethodNode m) {
        Set<String> types = new LinkedHashSet<>();
        signatures.onType(types::add);
        SignatureText.MethodText t = signatures.method(m.desc, m.signature, m.exceptions);
        StringBuilder decl = new StringBuilder(memberModifiers(cn, m.access, false));
        if (!t.typeParams().isEmpty()) {
            decl.append(' ').append(t.typeParams());
        }
        decl.append(' ').append(simple).append(params(t, m.access)).append(throwsClause(t));
        List<String> flags = new ArrayList<>();
        addDeprecation(flags, m.access, m.visibleAnnotations);
        if (kind(cn).equals("record")) {
            Records.constructorFlag(cn, m).ifPresent(flags::add);
        } else if (ImplicitConstructors.isImplicit(cn, m)) {
            flags.add("implicit");
        }
        String erased = SignatureText.erased(m.name, m.desc);
        return new MemberLine(2, 0, "<init>", erased, member(names.canonical(cn.name.replace('/', '.')), "constructor",
                decl.toString(), erased, flags), types);
    }

    private MemberLine method(ClassNode cn, MethodNode m) {
        Set<String> types = new LinkedHashSet<>();
        signatures.onType(types::add);
        SignatureText.MethodText t = signatures.method(m.desc, m.signature, m.exceptions);
        StringBuilder decl = new StringBuilder(memberModifiers(cn, m.access, true));
        if (!t.typeParams().isEmpty()) {
            decl.append(' ').append(t.typeParams());
        }
        decl.append(' ').append(t.returnType()).append(' ').append(m.name).append(params(t, m.access))
                .append(throwsClause(t));
        List<String> flags = new ArrayList<>();
        addDeprecation(flags, m.access, m.visibleAnnotations);
        if (kind(cn).equals("record") && Records.isImplicitAccessor(cn, m)) {
            flags.add("implicit");
        }
        String erased = SignatureText.erased(m.name, m.desc);
        return new MemberLine(3, 0, m.name, erased, member(names.canonical(cn.name.replace('/', '.')), "method",
                decl.toString(), erased, flags), types);
    }

    private MemberLine nested(ClassNode cn, InnerClassNode inner) {
        ClassNode nestedNode = bundles.node(inner.name);
        String kind = nestedNode == null ? "class" : kind(nestedNode);
        StringBuilder decl = new StringBuilder(visibility(inner.access));
        boolean isStatic = nestedNode == null ? (inner.access & Opcodes.ACC_STATIC) != 0 : isStaticNested(nestedNode, inner);
        if (isStatic) {
            decl.append(" static");
        }
        decl.append(' ').append(kind).append(' ').append(names.canonical(inner.name.replace('/', '.')));
        String binary = inner.name.replace('/', '.');
        List<String> flags = new ArrayList<>();
        if (nestedNode != null) {
            addDeprecation(flags, nestedNode.access, nestedNode.visibleAnnotations);
        }
        return new MemberLine(4, 0, inner.innerName, binary, member(names.canonical(cn.name.replace('/', '.')),
                "nestedtype", decl.toString(), binary, flags), Set.of());
    }

    private static String member(String owner, String kind, String declaration, String erased, List<String> flags) {
        return "member " + owner + " | " + kind + " | " + declaration + " | " + erased + " | "
                + (flags.isEmpty() ? "-" : String.join(" ", flags));
    }

    private static String params(SignatureText.MethodText t, int access) {
        List<String> params = new ArrayList<>(t.params());
        if ((access & Opcodes.ACC_VARARGS) != 0 && !params.isEmpty()) {
            String last = params.get(params.size() - 1);
            if (!last.endsWith("[]")) {
                throw new IllegalStateException("varargs method whose last parameter is no array: " + t);
            }
            params.set(params.size() - 1, last.substring(0, last.length() - 2) + "...");
        }
        return "(" + String.join(", ", params) + ")";
    }

    private static String throwsClause(SignatureText.MethodText t) {
        return t.throwsTypes().isEmpty() ? "" : " throws " + String.join(", ", t.throwsTypes());
    }

    /** access, abstract, static, final, default: the list's order, with interface members' implicit modifiers. */
    private static String memberModifiers(ClassNode owner, int a, boolean method) {
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
        if (method && (owner.access & Opcodes.ACC_INTERFACE) != 0
                && (a & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
            mods.add("default");
        }
        return String.join(" ", mods);
    }

    static String visibility(int a) {
        return (a & Opcodes.ACC_PUBLIC) != 0 ? "public" : (a & Opcodes.ACC_PROTECTED) != 0 ? "protected"
                : (a & Opcodes.ACC_PRIVATE) != 0 ? "private" : "package-private";
    }

    static boolean isApi(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
    }

    /** An enum's values() and valueOf(String): implicit, so the list leaves them out. */
    private static boolean implicitEnumMethod(ClassNode cn, MethodNode m) {
        if ((cn.access & Opcodes.ACC_ENUM) == 0 || (m.access & Opcodes.ACC_STATIC) == 0) {
            return false;
        }
        return m.name.equals("values") && m.desc.equals("()[L" + cn.name + ";")
                || m.name.equals("valueOf") && m.desc.equals("(Ljava/lang/String;)L" + cn.name + ";");
    }

    private boolean declaredButNotApi(ClassNode cn, String wanted) {
        String name = wanted.contains("(") ? wanted.substring(0, wanted.indexOf('(')) : wanted;
        return cn.methods.stream().anyMatch(m -> m.name.equals(name)) || cn.fields.stream().anyMatch(f -> f.name.equals(name));
    }

    // ---- deprecation ----

    private static void addDeprecation(List<String> flags, int access, List<AnnotationNode> annotations) {
        String d = deprecation(access, annotations);
        if (!d.equals("no")) {
            flags.add("deprecated=" + d);
        }
    }

    /** yes = @Deprecated, forRemoval = @Deprecated(forRemoval = true), javadoc-only = Deprecated attribute alone. */
    static String deprecation(int access, List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (a.desc.equals("Ljava/lang/Deprecated;")) {
                    List<Object> values = a.values == null ? List.of() : a.values;
                    for (int i = 0; i + 1 < values.size(); i += 2) {
                        if ("forRemoval".equals(values.get(i)) && Boolean.TRUE.equals(values.get(i + 1))) {
                            return "forRemoval";
                        }
                    }
                    return "yes";
                }
            }
        }
        return (access & Opcodes.ACC_DEPRECATED) != 0 ? "javadoc-only" : "no";
    }

    /** Line numbers of a method's code, in instruction order. */
    static List<Integer> lines(MethodNode m) {
        List<Integer> lines = new ArrayList<>();
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) {
                lines.add(ln.line);
            }
        }
        return lines;
    }
}
