package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KNIME API signature list (format: knime-api-surface/signatures/EXTRACTION.md), indexed by binary name.
 * Members are keyed by their erased form ({@code name(P)R}, {@code <init>(P)}, {@code name:T}, enum {@code NAME},
 * nested type binary name), which is unique within an owner.
 */
public final class SignatureList {

    /** A {@code type} line and its members. */
    public record Type(String fqcn, String kind, String modifiers, String typeParams, String extendsText,
            String implementsText, String listing, String binary, String deprecated, Map<String, Member> members) {

        /** True if the list gives all public/protected members (listing=full). */
        public boolean complete() {
            return listing.equals("full");
        }
    }

    /** A {@code member} line. */
    public record Member(String owner, String kind, String declaration, String erased, Map<String, String> flags) {
        public String deprecated() {
            return flags.getOrDefault("deprecated", "no");
        }
    }

    private static final Pattern FLAG = Pattern.compile("(\\w+(?:-\\w+)*)=(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\S+)|(\\w+)");

    private final Map<String, Type> types = new LinkedHashMap<>();
    private final Map<String, String> refs = new LinkedHashMap<>();

    public static SignatureList load(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SignatureList parse(List<String> lines) {
        SignatureList list = new SignatureList();
        Map<String, Member> current = null;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" \\| ", -1);
            if (line.startsWith("type ") && f.length == 7) {
                Map<String, String> flags = flags(f[6]);
                current = new LinkedHashMap<>();
                Type t = new Type(f[0].substring(5), f[1], f[2], f[3], after(f[4], "extends "), after(f[5], "implements "),
                        flags.get("listing"), flags.get("binary"), flags.getOrDefault("deprecated", "no"), current);
                list.types.put(t.binary(), t);
            } else if (line.startsWith("member ") && f.length == 5 && current != null) {
                current.put(f[3], new Member(f[0].substring(7), f[1], f[2], f[3], flags(f[4])));
            } else if (line.startsWith("ref ") && f.length == 3) {
                list.refs.put(flags(f[2]).get("binary"), f[0].substring(4));
            } else if (!line.startsWith("missing ")) {
                throw new IllegalArgumentException("signature list line " + lineNo + " is not a type/member/ref line: " + line);
            }
        }
        return list;
    }

    private static String after(String field, String prefix) {
        if (!field.startsWith(prefix)) {
            throw new IllegalArgumentException("expected '" + prefix + "...' but found: " + field);
        }
        return field.substring(prefix.length());
    }

    /** Parses {@code key=value} and bare-word flags ({@code -} = none); values may be quoted literals. */
    public static Map<String, String> flags(String text) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (!text.equals("-")) {
            Matcher m = FLAG.matcher(text);
            while (m.find()) {
                flags.put(m.group(1) != null ? m.group(1) : m.group(3), m.group(1) != null ? m.group(2) : "");
            }
        }
        return flags;
    }

    /**
     * The lists as one (the shared knime-5.3-api.txt and the project's knime-5.3-additions.txt), as the generator
     * merges them: a type in several lists must have the same type line in each except {@code listing=}; its members
     * are joined (a member in both must be the same) and it is complete if any block is; {@code ref} lines of
     * described types are dropped.
     */
    public static SignatureList merge(SignatureList... lists) {
        SignatureList result = new SignatureList();
        for (SignatureList list : lists) {
            for (Type t : list.types.values()) {
                Type before = result.types.get(t.binary());
                result.types.put(t.binary(), before == null ? t : mergeType(before, t));
            }
        }
        for (SignatureList list : lists) {
            for (Map.Entry<String, String> r : list.refs.entrySet()) {
                if (!result.types.containsKey(r.getKey())) {
                    result.refs.putIfAbsent(r.getKey(), r.getValue());
                }
            }
        }
        return result;
    }

    private static Type mergeType(Type a, Type b) {
        if (!a.fqcn().equals(b.fqcn()) || !a.kind().equals(b.kind()) || !a.modifiers().equals(b.modifiers())
                || !a.typeParams().equals(b.typeParams()) || !a.extendsText().equals(b.extendsText())
                || !a.implementsText().equals(b.implementsText()) || !a.deprecated().equals(b.deprecated())) {
            throw new IllegalArgumentException(a.fqcn() + " is listed twice with different type lines");
        }
        Map<String, Member> members = new LinkedHashMap<>(a.members());
        for (Member m : b.members().values()) {
            Member before = members.putIfAbsent(m.erased(), m);
            if (before != null && !before.equals(m)) {
                throw new IllegalArgumentException(a.fqcn() + ": " + m.erased() + " is listed twice, differently");
            }
        }
        String listing = a.complete() || b.complete() ? "full" : a.listing().equals(b.listing()) ? a.listing() : "select";
        return new Type(a.fqcn(), a.kind(), a.modifiers(), a.typeParams(), a.extendsText(), a.implementsText(), listing,
                a.binary(), a.deprecated(), members);
    }

    /** Canonical names of the {@code ref} lines, by binary name. */
    public Map<String, String> refs() {
        return refs;
    }

    public Collection<Type> types() {
        return types.values();
    }

    /** The listed type with this binary name ({@code a.b.Outer$Inner}), or null. */
    public Type type(String binary) {
        return types.get(binary);
    }

    /** True if the type is only mentioned by a {@code ref} line (used in a signature, not described). */
    public boolean isRefOnly(String binary) {
        return refs.containsKey(binary);
    }

    /** Canonical name of a listed or ref type, or null. */
    public String canonicalName(String binary) {
        Type t = types.get(binary);
        return t != null ? t.fqcn() : refs.get(binary);
    }

    /** Binary name of a listed type given its canonical name, or null. */
    public String binaryOf(String canonical) {
        for (Type t : types.values()) {
            if (t.fqcn().equals(canonical)) {
                return t.binary();
            }
        }
        for (Map.Entry<String, String> r : refs.entrySet()) {
            if (r.getValue().equals(canonical)) {
                return r.getKey();
            }
        }
        return null;
    }

    /** Erasures (canonical names, generics stripped) of the direct supertypes, in list order; Object for interfaces. */
    public List<String> directSupertypes(Type t) {
        List<String> result = new ArrayList<>();
        for (String text : List.of(t.extendsText(), t.implementsText())) {
            if (!text.equals("-")) {
                for (String part : splitTopLevel(text)) {
                    int lt = part.indexOf('<');
                    result.add(lt < 0 ? part : part.substring(0, lt));
                }
            }
        }
        if (t.kind().equals("interface")) {
            result.add("java.lang.Object");
        }
        return result;
    }

    /** Splits at commas outside angle brackets. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }
}
