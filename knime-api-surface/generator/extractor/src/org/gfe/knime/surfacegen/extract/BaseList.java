package org.gfe.knime.surfacegen.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The type blocks of the base list (knime-5.3-api.txt): binary name to listing mode. Members are not needed. */
final class BaseList {

    private final Map<String, String> listings = new HashMap<>();

    static BaseList empty() {
        return new BaseList();
    }

    static BaseList read(Path file) throws IOException {
        BaseList list = new BaseList();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("type ")) {
                String[] f = line.split(" \\| ");
                String binary = null;
                String listing = null;
                for (String flag : f[f.length - 1].split(" ")) {
                    if (flag.startsWith("binary=")) {
                        binary = flag.substring("binary=".length());
                    } else if (flag.startsWith("listing=")) {
                        listing = flag.substring("listing=".length());
                    }
                }
                if (binary == null || listing == null) {
                    throw new IllegalArgumentException(file + ": type line without binary= or listing=: " + line);
                }
                list.listings.put(binary, listing);
            }
        }
        return list;
    }

    boolean isListed(String binary) {
        return listings.containsKey(binary);
    }

    /** full, header, select, supertype-header, or null if the base list has no block for the type. */
    String listing(String binary) {
        return listings.get(binary);
    }
}
