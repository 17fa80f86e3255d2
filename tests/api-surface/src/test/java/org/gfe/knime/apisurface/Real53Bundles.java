package org.gfe.knime.apisurface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real KNIME 5.3 bundles (compiled from KNIME's public 5.3 sources; see ../shared/knime-runtime/5.3/README.md next
 * to the repository): the ground truth for 5.3 signatures. Read in place, never copied. The folder is
 * {@code ../shared/knime-runtime/5.3/bundles} relative to the repository, or the system property {@code knime.bundles}.
 * Where it is absent, tests that need it are skipped with one line saying so.
 */
final class Real53Bundles {

    /** The class shapes of all bundles (binary name to shape) and the bundle each class comes from. */
    record Classes(Map<String, ClassShape> shapes, Map<String, String> bundleOf) {
    }

    private static Classes loaded;
    private static boolean absenceReported;

    private Real53Bundles() {
    }

    /** The bundles folder: {@code knime.bundles}, else ../shared/knime-runtime/5.3/bundles next to the repository. */
    static Path folder() {
        String property = System.getProperty("knime.bundles");
        if (property != null && !property.isBlank() && !property.startsWith("${")) {
            return Path.of(property);
        }
        Path repository = ProjectArtifacts.signatures("").toAbsolutePath().normalize().getParent().getParent();
        return repository.resolveSibling("shared").resolve("knime-runtime/5.3/bundles");
    }

    /** Skips the calling test (reporting the absence once, in one line) unless the bundles are there. */
    static synchronized Classes requireOrSkip() {
        Path folder = folder();
        if (!Files.isDirectory(folder) || jars(folder).isEmpty()) {
            if (!absenceReported) {
                absenceReported = true;
                System.out.println("[api-surface] real KNIME 5.3 bundles not found at " + folder
                        + " (set -Dknime.bundles=...): the additions-vs-real-class-files checks are skipped");
            }
            Assumptions.abort("real KNIME 5.3 bundles not found at " + folder);
        }
        if (loaded == null) {
            loaded = read(folder);
        }
        return loaded;
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Classes read(Path folder) {
        Map<String, ClassShape> shapes = new HashMap<>();
        Map<String, String> bundleOf = new HashMap<>();
        for (Path jar : jars(folder)) {
            String bundle = symbolicName(jar);
            for (ClassShape shape : ClassFileSignatures.read(ClassFiles.read(jar, "")).values()) {
                if (shapes.putIfAbsent(shape.binary(), shape) == null) {
                    bundleOf.put(shape.binary(), bundle);
                }
            }
        }
        return new Classes(shapes, bundleOf);
    }

    private static String symbolicName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            String name = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? jar.getFileName().toString() : name.split(";")[0].trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
