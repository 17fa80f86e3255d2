package org.gfe.knime.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Read-only view of a bundle jar: its manifest headers and entries, including those of embedded jars. */
final class BundleJar implements AutoCloseable {

    private final Path path;
    private final JarFile jar;
    private final Attributes headers;

    BundleJar(Path path) throws IOException {
        this.path = path;
        this.jar = new JarFile(path.toFile());
        Manifest manifest = jar.getManifest();
        if (manifest == null) {
            throw new IllegalStateException(path + " has no META-INF/MANIFEST.MF");
        }
        this.headers = manifest.getMainAttributes();
    }

    /** A manifest header, or null. */
    String header(String name) {
        return headers.getValue(name);
    }

    boolean has(String entry) {
        return jar.getEntry(entry) != null;
    }

    ZipEntry entry(String name) {
        return jar.getEntry(name);
    }

    InputStream open(String entry) throws IOException {
        ZipEntry found = jar.getEntry(entry);
        if (found == null) {
            throw new IllegalStateException(path.getFileName() + " has no entry " + entry);
        }
        return jar.getInputStream(found);
    }

    List<String> entryNames() {
        List<String> names = new ArrayList<>();
        jar.stream().forEach(e -> names.add(e.getName()));
        return names;
    }

    /** The entry names inside an embedded jar (e.g. lib/djl-api.jar). */
    List<String> entryNamesOfEmbedded(String embeddedJar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(open(embeddedJar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** Header clauses split at top-level commas (commas inside quotes, as in version ranges, are kept). */
    List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        String value = header(header);
        if (value == null) {
            return clauses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            clauses.add(current.toString().trim());
        }
        return clauses;
    }

    /** The names (before the first ';') of a header's clauses. */
    List<String> clauseNames(String header) {
        return clauses(header).stream().map(c -> c.split(";", 2)[0].trim()).toList();
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}
