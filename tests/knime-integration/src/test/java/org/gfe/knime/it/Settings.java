package org.gfe.knime.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the build hands the tests (system properties set in this module's pom), and file helpers. */
final class Settings {

    private Settings() {
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + name + " is not set: run these tests through Maven"
                    + " (./mvnw -pl tests/knime-integration -am verify), which passes the built files to them");
        }
        return value;
    }

    static Path file(String name) {
        Path path = Path.of(property(name));
        if (!Files.exists(path)) {
            throw new IllegalStateException(name + " names " + path + ", which does not exist: build it first"
                    + " (./mvnw -pl tests/knime-integration -am verify)");
        }
        return path;
    }

    /** target/knime-work: bundles, driver and one folder per JVM. */
    static Path workDir() {
        return Path.of(property("gfe.work.dir")).toAbsolutePath();
    }

    /** The name of this JVM's folder: "main" for surefire's JVM, "fresh-<pid>" for a second process. */
    static String jvmName() {
        return System.getProperty("gfe.jvm.name", "main");
    }

    static long pid() {
        return ManagementFactory.getRuntimeMXBean().getPid();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
