package org.gfe.knime.surfacegen.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The class files of a folder of OSGi bundle jars (e.g. ../shared/knime-runtime/5.3/bundles), indexed by internal
 * name, each with the symbolic name and version of the bundle it comes from. Only the bundles' own class files are
 * read (not jars nested on their Bundle-ClassPath): that is where KNIME's API lives.
 */
final class Bundles {

    /** A bundle jar: its symbolic name (without directives), version and file. */
    record Bundle(String symbolicName, String version, Path jar) {
    }

    private final Map<String, Bundle> owner = new HashMap<>();
    private final Map<String, byte[]> bytes = new HashMap<>();
    private final Map<String, ClassNode> nodes = new HashMap<>();
    private final List<Bundle> bundles = new ArrayList<>();

    static Bundles read(Path folder) {
        Bundles result = new Bundles();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                result.add(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        if (result.bundles.isEmpty()) {
            throw new IllegalArgumentException("no bundle jars in " + folder);
        }
        return result;
    }

    private void add(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolic = main.getValue("Bundle-SymbolicName");
            Bundle bundle = new Bundle(symbolic == null ? jar.getFileName().toString() : symbolic.split(";")[0].trim(),
                    String.valueOf(main.getValue("Bundle-Version")), jar);
            bundles.add(bundle);
            for (JarEntry e : Collections.list(file.entries())) {
                String name = e.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                    String internal = name.substring(0, name.length() - ".class".length());
                    if (owner.putIfAbsent(internal, bundle) == null) {
                        bytes.put(internal, file.getInputStream(e).readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    List<Bundle> bundles() {
        return bundles;
    }

    boolean contains(String internal) {
        return bytes.containsKey(internal);
    }

    Bundle bundleOf(String internal) {
        return owner.get(internal);
    }

    /** The class (signatures, attributes and code), or null if no bundle has it. */
    ClassNode node(String internal) {
        ClassNode node = nodes.get(internal);
        if (node == null && bytes.containsKey(internal)) {
            node = new ClassNode();
            new ClassReader(bytes.get(internal)).accept(node, ClassReader.SKIP_FRAMES);
            nodes.put(internal, node);
        }
        return node;
    }

    /** Symbolic name to version of every bundle, for the list's header. */
    Map<String, String> versions() {
        Map<String, String> result = new TreeMap<>();
        bundles.forEach(b -> result.put(b.symbolicName(), b.version()));
        return result;
    }
}
