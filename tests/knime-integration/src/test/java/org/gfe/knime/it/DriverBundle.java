package org.gfe.knime.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The test driver bundle {@value #SYMBOLIC_NAME}: the sources of {@code src/driver/java} compiled NOW with javax.tools
 * against the bundles of the runtime (so the module compiles on a clean clone without KNIME's jars), packed with
 * {@code src/driver/resources} (its plugin.xml registers the table source node) under a manifest that requires
 * org.knime.core and org.gfe.knime. Rebuilt only when a source is newer than the jar.
 */
final class DriverBundle {

    static final String SYMBOLIC_NAME = "org.gfe.knime.it.driver";
    static final String PACKAGE = "org.gfe.knime.it.driver";

    private DriverBundle() {
    }

    static Path build(List<RuntimeBundles.Entry> bundles, Path out) throws IOException {
        Path sources = Settings.file("gfe.driver.sources");
        Path jar = out.resolve(SYMBOLIC_NAME + ".jar");
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(Files::isRegularFile).forEach(inputs::add);
        }
        FileTime newest = FileTime.fromMillis(0);
        for (Path input : inputs) {
            FileTime time = Files.getLastModifiedTime(input);
            newest = time.compareTo(newest) > 0 ? time : newest;
        }
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(newest) > 0) {
            return jar;
        }
        Path classes = out.resolve("classes");
        Settings.deleteRecursively(classes);
        Files.createDirectories(classes);
        compile(sources.resolve("java"), bundles, out.resolve("compile-path"), classes);
        pack(classes, sources.resolve("resources"), jar);
        return jar;
    }

    private static void compile(Path sourceDir, List<RuntimeBundles.Entry> bundles, Path nested, Path classes)
            throws IOException {
        Set<Path> classPath = new LinkedHashSet<>();
        for (RuntimeBundles.Entry bundle : bundles) {
            if (bundle.origin().equals("reactor")) {
                continue; // our plugin exports nothing, and the driver needs none of its classes
            }
            classPath.addAll(RuntimeBundles.compileClassPath(bundle.file(), nested));
        }
        classPath.add(jarOf(org.junit.jupiter.api.Assertions.class));
        classPath.add(jarOf(org.opentest4j.AssertionFailedError.class));
        classPath.add(jarOf(org.apiguardian.api.API.class));
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(sourceDir)) {
            paths.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-g", "-nowarn",
                "-encoding", "UTF-8", "-d", classes.toString(), "-cp",
                String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList())));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": run the tests on a JDK");
        }
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8), args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException("the driver sources did not compile against the KNIME bundles:\n" + errors);
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pack(Path classes, Path resources, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "GFE integration test driver (tests only)");
        main.putValue("Bundle-RequiredExecutionEnvironment", "JavaSE-17");
        main.putValue("Bundle-ActivationPolicy", "lazy");
        main.putValue("Require-Bundle", "org.knime.core;bundle-version=\"[5.3.0,6.0.0)\",org.gfe.knime");
        main.putValue("Import-Package", "org.junit.jupiter.api,org.junit.jupiter.api.function,org.opentest4j");
        Files.createDirectories(jar.getParent());
        Path temp = Files.createTempFile(jar.getParent(), "driver", ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path root : List.of(classes, resources)) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                List<Path> entries;
                try (Stream<Path> paths = Files.walk(root)) {
                    entries = paths.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path path : entries) {
                    out.putNextEntry(new ZipEntry(root.relativize(path).toString().replace('\\', '/')));
                    try (InputStream in = Files.newInputStream(path)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
