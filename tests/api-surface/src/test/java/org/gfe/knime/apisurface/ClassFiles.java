package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the {@code .class} files of a directory or jar whose internal names start with a prefix. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /** Internal name ({@code a/b/C$D}) to class bytes; {@code prefix} like {@code "org/knime/"} or {@code ""}. */
    public static Map<String, byte[]> read(Path root, String prefix) {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        add(classes, name, prefix, Files.readAllBytes(p));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (ZipFile zip = new ZipFile(root.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        if (e.getName().endsWith(".class")) {
                            add(classes, e.getName(), prefix, zip.getInputStream(e).readAllBytes());
                        }
                    }
                }
            } else {
                throw new IllegalArgumentException("no class directory or jar at " + root
                        + ": build the module first (./mvnw -o -q -B install -pl <module>)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    private static void add(Map<String, byte[]> classes, String file, String prefix, byte[] bytes) {
        if (file.startsWith(prefix) && !file.endsWith("module-info.class") && !file.endsWith("package-info.class")) {
            classes.put(file.substring(0, file.length() - ".class".length()), bytes);
        }
    }
}
