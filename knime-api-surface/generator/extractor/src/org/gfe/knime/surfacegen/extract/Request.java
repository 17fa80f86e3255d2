package org.gfe.knime.surfacegen.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request file: one type per line, {@code <canonical name> <mode>}, where mode is {@code full} (all public and
 * protected members and nested types), {@code header} (constructors and abstract methods) or
 * {@code select:<member>,<member>,...}. A selected member is a name (every public/protected field, method or, with the
 * simple class name, constructor of that name) or a name with erased parameter types in binary form
 * ({@code pushContext(java.lang.Object)}, {@code ThreadPool(int)}) for one overload. {@code #} starts a comment.
 */
record Request(Map<String, Entry> entries) {

    /** One requested type. {@code members} is empty unless mode is {@code select}. */
    record Entry(String fqcn, String mode, List<String> members, int line) {
        boolean isSelect() {
            return mode.equals("select");
        }
    }

    static Request read(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": expected '<type> <mode>' but found: " + raw);
            }
            String mode = parts[1];
            List<String> members = new ArrayList<>();
            if (mode.startsWith("select:")) {
                for (String m : splitMembers(mode.substring("select:".length()))) {
                    if (!m.isBlank()) {
                        members.add(m.trim());
                    }
                }
                mode = "select";
                if (members.isEmpty()) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": select without members");
                }
            } else if (!mode.equals("full") && !mode.equals("header")) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": mode must be full, header or select:...: " + raw);
            }
            if (entries.put(parts[0], new Entry(parts[0], mode, members, lineNo)) != null) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": " + parts[0] + " is requested twice");
            }
        }
        return new Request(entries);
    }

    /** Splits at commas outside parentheses. */
    private static List<String> splitMembers(String text) {
        List<String> result = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                result.add(text.substring(start, i));
                start = i + 1;
            }
        }
        result.add(text.substring(start));
        return result;
    }
}
