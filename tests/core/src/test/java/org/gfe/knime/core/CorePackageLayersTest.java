package org.gfe.knime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gfe.knime.core.model.GfeModel;
import org.junit.jupiter.api.Test;

/**
 * The core's packages depend downward only, so a concept can be read without the ones built on it: a loss kind lives
 * in {@code loss}, an activation in {@code decoder}, not in {@code train}. Read from the compiled class files (their
 * constant pools name every class they refer to, imports or not).
 */
class CorePackageLayersTest {

    /** Layer of each package; a package may refer only to packages of a lower layer. */
    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("engine", 0), Map.entry("data", 0), Map.entry("loss", 0), Map.entry("ode", 0),
            Map.entry("decoder", 1), Map.entry("optim", 1), Map.entry("flow", 1),
            Map.entry("objective", 2), Map.entry("encode", 2),
            Map.entry("model", 3),
            Map.entry("train", 4));

    private static final Pattern REFERENCE = Pattern.compile("org/gfe/knime/core/([a-z]+)/");

    @Test
    void packagesReferOnlyToLowerLayers() throws Exception {
        Map<String, TreeSet<String>> dependencies = dependencies();
        assertTrue(dependencies.size() >= LAYERS.size() - 1, () -> "too few core packages found: " + dependencies);
        TreeSet<String> upward = new TreeSet<>();
        dependencies.forEach((from, targets) -> {
            Integer layer = LAYERS.get(from);
            if (layer == null) {
                upward.add("package core." + from + " has no layer: add it to LAYERS");
                return;
            }
            for (String to : targets) {
                Integer target = LAYERS.get(to);
                if (target == null || target >= layer) {
                    upward.add("core." + from + " -> core." + to);
                }
            }
        });
        assertEquals(new TreeSet<>(), upward, "core packages must depend downward only (move the type to the"
                + " package of the concept it names)");
    }

    /** For each core package, the other core packages its classes refer to. */
    private static Map<String, TreeSet<String>> dependencies() throws IOException, URISyntaxException {
        Path location = Path.of(GfeModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, TreeSet<String>> result = new TreeMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve("org/gfe/knime/core"))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    record(result, location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        } else {
            try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(location))) {
                for (ZipEntry entry; (entry = jar.getNextEntry()) != null;) {
                    if (entry.getName().startsWith("org/gfe/knime/core/") && entry.getName().endsWith(".class")) {
                        record(result, entry.getName(), readAll(jar));
                    }
                }
            }
        }
        return result;
    }

    private static void record(Map<String, TreeSet<String>> result, String path, byte[] classFile) {
        Matcher own = REFERENCE.matcher(path);
        if (!own.lookingAt()) {
            return; // a class directly in org.gfe.knime.core
        }
        String from = own.group(1);
        TreeSet<String> targets = result.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (reference.find()) {
            if (!reference.group(1).equals(from)) {
                targets.add(reference.group(1));
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
