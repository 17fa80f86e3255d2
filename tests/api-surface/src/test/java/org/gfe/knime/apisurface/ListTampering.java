package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Deliberately damaged copies of the 5.3 lists; each edit must hit exactly the lines it names, or the test is void. */
final class ListTampering {

    private ListTampering() {
    }

    static List<String> original() {
        return lines("knime-5.3-api.txt");
    }

    static List<String> additions() {
        return lines("knime-5.3-additions.txt");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(ProjectArtifacts.signatures(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one line starting with {@code prefix}. */
    static List<String> replace(List<String> lines, String prefix, UnaryOperator<String> edit) {
        List<String> result = new ArrayList<>();
        int hits = 0;
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                hits++;
                String edited = edit.apply(line);
                if (edited.equals(line)) {
                    throw new IllegalArgumentException("the edit left the line unchanged: " + line);
                }
                result.add(edited);
            } else {
                result.add(line);
            }
        }
        if (hits != 1) {
            throw new IllegalArgumentException(hits + " lines start with '" + prefix + "', expected exactly 1");
        }
        return result;
    }

    /** Removes every member line whose erased field is {@code erased}; returns null if there is none. */
    static List<String> withoutMembersErasedAs(List<String> lines, String erased) {
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" \\| ");
            if (!(line.startsWith("member ") && f.length == 5 && f[3].equals(erased))) {
                result.add(line);
            }
        }
        return result.size() == lines.size() ? null : result;
    }

    /** Removes a type block (its type line and member lines). */
    static List<String> withoutType(List<String> lines, String fqcn) {
        List<String> result = new ArrayList<>();
        boolean inBlock = false;
        int removed = 0;
        for (String line : lines) {
            if (line.startsWith("type ")) {
                inBlock = line.startsWith("type " + fqcn + " | ");
            } else if (line.isBlank()) {
                inBlock = false;
            }
            if (inBlock) {
                removed++;
            } else {
                result.add(line);
            }
        }
        if (removed == 0) {
            throw new IllegalArgumentException("no type block " + fqcn);
        }
        return result;
    }
}
