package org.gfe.knime.surfacegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
