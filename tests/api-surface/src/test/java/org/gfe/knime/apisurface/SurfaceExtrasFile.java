package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the generator's two lists of documented surface extras: signatures/extra-types.txt (stub types) and
 * signatures/surface-supplements.txt (compiler-required implementations, in member-line format).
 */
final class SurfaceExtrasFile {

    /** A supplement line: owner (canonical), erased key, and the type declaring the abstract method it implements. */
    record Supplement(String owner, String erased, String requiredBy) {
    }

    private SurfaceExtrasFile() {
    }

    static Set<String> extraTypeBinaries(Path file) {
        Set<String> result = new HashSet<>();
        for (String line : lines(file)) {
            String[] f = line.split(" \\| ");
            if (f.length != 4) {
                throw new IllegalArgumentException(file + ": expected 'fqcn | kind | binary | why' but found: " + line);
            }
            result.add(f[2]);
        }
        return result;
    }

    static List<Supplement> supplements(Path file) {
        List<Supplement> result = new ArrayList<>();
        for (String line : lines(file)) {
            String[] f = line.split(" \\| ");
            if (f.length != 5 || !line.startsWith("member ")) {
                throw new IllegalArgumentException(file + ": expected a member line but found: " + line);
            }
            result.add(new Supplement(f[0].substring(7), f[3], SignatureList.flags(f[4]).get("required-by")));
        }
        return result;
    }

    static SignatureComparison.SurfaceExtras load(Path extraTypes, Path supplements) {
        Map<String, Set<String>> byOwner = new HashMap<>();
        for (Supplement s : supplements(supplements)) {
            byOwner.computeIfAbsent(s.owner(), k -> new HashSet<>()).add(s.erased());
        }
        return new SignatureComparison.SurfaceExtras(extraTypeBinaries(extraTypes), byOwner);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
