package org.gfe.knime.surfacegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a KNIME API signature list (format: signatures/EXTRACTION.md). */
final class SignatureFile {

    private static final Pattern FLAG = Pattern.compile("(\\w+)=(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|\\S+)|(\\w+)");

    final List<ListedType> types = new ArrayList<>();
    final List<RefType> refs = new ArrayList<>();

    static SignatureFile read(Path file) throws IOException {
        SignatureFile result = new SignatureFile();
        List<ListedMember> currentMembers = null;
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" \\| ", -1);
            if (line.startsWith("type ") && f.length == 7) {
                currentMembers = new ArrayList<>();
                result.types.add(new ListedType(f[0].substring(5), f[1], f[2], f[3], strip(f[4], "extends "),
                        strip(f[5], "implements "), flags(f[6]), currentMembers));
            } else if (line.startsWith("member ") && f.length == 5 && currentMembers != null) {
                currentMembers.add(new ListedMember(f[0].substring(7), f[1], f[2], f[3], flags(f[4])));
            } else if (line.startsWith("ref ") && f.length == 3) {
                Map<String, String> flags = flags(f[2]);
                result.refs.add(new RefType(f[0].substring(4), f[1], flags.get("bundle"), flags.get("binary")));
            } else if (!line.startsWith("missing ")) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": unexpected line: " + line);
            }
        }
        return result;
    }

    /**
     * The lists as one: the shared knime-5.3-api.txt and the project's knime-5.3-additions.txt. A type in several
     * lists must have the same type line in each except {@code listing=} (e.g. a header block in one, a select block
     * in the other); its members are joined (a member in both must be the same line) and it is complete if any block
     * is. {@code ref} lines of types some list describes are dropped, the others joined.
     */
    static SignatureFile merge(List<SignatureFile> lists) {
        Map<String, ListedType> types = new LinkedHashMap<>();
        for (SignatureFile list : lists) {
            for (ListedType t : list.types) {
                ListedType before = types.get(t.fqcn());
                types.put(t.fqcn(), before == null ? t : mergeType(before, t));
            }
        }
        SignatureFile result = new SignatureFile();
        result.types.addAll(types.values());
        Set<String> seenRefs = new HashSet<>();
        for (SignatureFile list : lists) {
            for (RefType r : list.refs) {
                if (!types.containsKey(r.fqcn()) && seenRefs.add(r.fqcn())) {
                    result.refs.add(r);
                }
            }
        }
        return result;
    }

    private static ListedType mergeType(ListedType a, ListedType b) {
        Map<String, String> flagsA = new LinkedHashMap<>(a.flags());
        Map<String, String> flagsB = new LinkedHashMap<>(b.flags());
        flagsA.remove("listing");
        flagsB.remove("listing");
        if (!a.kind().equals(b.kind()) || !a.modifiers().equals(b.modifiers()) || !a.typeParams().equals(b.typeParams())
                || !a.extendsText().equals(b.extendsText()) || !a.implementsText().equals(b.implementsText())
                || !flagsA.equals(flagsB)) {
            throw new IllegalArgumentException(a.fqcn() + " is listed twice with different type lines");
        }
        List<ListedMember> members = new ArrayList<>(a.members());
        for (ListedMember m : b.members()) {
            ListedMember same = a.members().stream().filter(x -> x.erased().equals(m.erased()) && x.kind().equals(m.kind()))
                    .findFirst().orElse(null);
            if (same == null) {
                members.add(m);
            } else if (!same.declaration().equals(m.declaration()) || !Objects.equals(same.flags(), m.flags())) {
                throw new IllegalArgumentException(a.fqcn() + ": member " + m.erased() + " is listed twice, differently");
            }
        }
        Map<String, String> flags = new LinkedHashMap<>(a.flags());
        flags.put("listing", a.complete() || b.complete() ? "full" : a.listing().equals(b.listing()) ? a.listing() : "select");
        return new ListedType(a.fqcn(), a.kind(), a.modifiers(), a.typeParams(), a.extendsText(), a.implementsText(),
                flags, members);
    }

    private static String strip(String field, String prefix) {
        if (!field.startsWith(prefix)) {
            throw new IllegalArgumentException("expected '" + prefix + "' in: " + field);
        }
        return field.substring(prefix.length());
    }

    static Map<String, String> flags(String text) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (text.equals("-")) {
            return flags;
        }
        Matcher m = FLAG.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                flags.put(m.group(1), m.group(2));
            } else {
                flags.put(m.group(3), "");
            }
        }
        return flags;
    }
}
