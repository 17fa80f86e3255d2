package org.gfe.knime.osgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files this module tests, as the build hands them over: system properties set in this module's pom from its
 * Maven dependencies. Run the tests through Maven ({@code ./mvnw -pl tests/osgi -am verify}).
 */
final class BuiltArtifacts {

    private BuiltArtifacts() {
    }

    /** The plugin bundle org.gfe.knime. */
    static Path plugin() {
        return file("gfe.bundle.plugin");
    }

    static Path nativesLinux() {
        return file("gfe.bundle.natives.linux");
    }

    static Path nativesWindows() {
        return file("gfe.bundle.natives.win");
    }

    static Path nativesMac() {
        return file("gfe.bundle.natives.osx");
    }

    /** The compile-only API surface, which is also the bundle org.knime.core 5.3.4 standing in for KNIME. */
    static Path knimeCore() {
        return file("gfe.bundle.knime.core");
    }

    static Path slf4jApi() {
        return file("gfe.bundle.slf4j.api");
    }

    static Path slf4jSimple() {
        return file("gfe.bundle.slf4j.simple");
    }

    /** The zipped p2 update site. */
    static Path siteZip() {
        return file("gfe.site.zip");
    }

    /** A p2 repository holding org.knime.core and slf4j: what a KNIME installation already has. */
    static Path knimeStandInRepository() {
        Path dir = Path.of(property("gfe.knime.stand.in.repository"));
        if (!Files.isRegularFile(dir.resolve("content.jar")) && !Files.isRegularFile(dir.resolve("content.xml"))) {
            throw new IllegalStateException("no p2 repository in " + dir + ": the build publishes it in "
                    + "generate-test-resources (tycho-p2-extras-plugin)");
        }
        return dir;
    }

    /** An empty scratch folder below target/osgi-work (emptied if it exists). */
    static Path freshWorkDir(String name) throws IOException {
        Path dir = Path.of(property("gfe.work.dir"), name);
        Files.createDirectories(dir.getParent());
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run these tests through "
                    + "Maven (./mvnw -pl tests/osgi -am verify), which passes the built files to them");
        }
        return value;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Path file(String name) {
        Path path = Path.of(property(name));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(name + " names " + path + ", which does not exist: build it first "
                    + "(./mvnw -pl tests/osgi -am verify)");
        }
        return path;
    }
}
