package org.gfe.knime.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The bundles of the test runtime: KNIME's (every bundle of the given folder), the third-party bundles resolved by
 * Maven (wrapped, merged or patched as ../shared/knime-runtime/5.3/README.md says), our plugin and this platform's
 * native fragment. Rewritten jars are written once to {@code <work>/bundles} and reused by later JVMs.
 */
final class RuntimeBundles {

    /** Plain jars of KNIME's target platform and the symbolic names Orbit gives them (KNIME requires those). */
    private static final Map<String, String> WRAPPED_NAMES = new LinkedHashMap<>();

    static {
        WRAPPED_NAMES.put("xmlbeans-", "org.apache.xmlbeans");
        WRAPPED_NAMES.put("commons-httpclient-", "org.apache.commons.httpclient");
        WRAPPED_NAMES.put("httpclient-", "org.apache.httpcomponents.httpclient");
        WRAPPED_NAMES.put("httpcore-", "org.apache.httpcomponents.httpcore");
        WRAPPED_NAMES.put("httpcore5-", "org.apache.httpcomponents.core5.httpcore5");
        WRAPPED_NAMES.put("trove4j-", "net.sf.trove4j");
        WRAPPED_NAMES.put("jcalendar-", "com.toedter.jcalendar");
    }

    /** The bundle Orbit makes of jakarta.json-api and parsson, which KNIME requires by this name. */
    static final String PARSSON_MERGED = "org.eclipse.parsson.jakarta.json";

    /** KNIME's node repository: a UI bundle whose extension points declare where nodes are registered. */
    static final String NODE_REPOSITORY = "org.knime.workbench.repository";

    /** One bundle to install: its symbolic name, its file, and where it comes from. */
    record Entry(String symbolicName, Path file, String origin) {
    }

    private RuntimeBundles() {
    }

    /** The symbolic name in a bundle's manifest (without attributes), or null for a plain jar. */
    static String symbolicName(Manifest manifest) {
        if (manifest == null) {
            return null;
        }
        String value = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return value == null ? null : value.split(";")[0].trim();
    }

    /** The manifest of a jar or of a bundle folder, or null. */
    static Manifest manifest(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            Path file = bundle.resolve("META-INF/MANIFEST.MF");
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return new Manifest(in);
            }
        }
        try (JarFile jar = new JarFile(bundle.toFile())) {
            return jar.getManifest();
        }
    }

    /** Every bundle (jar or folder) of KNIME's plugins folder, by symbolic name; the framework itself is left out. */
    static Map<String, Entry> knimeBundles(Path folder) throws IOException {
        Map<String, Entry> bundles = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                boolean jar = Files.isRegularFile(file) && file.getFileName().toString().endsWith(".jar");
                if (!jar && !Files.isDirectory(file)) {
                    continue;
                }
                String name = symbolicName(manifest(file));
                if (name == null || name.equals("org.eclipse.osgi") || name.startsWith("org.eclipse.equinox.launcher")) {
                    continue; // Equinox is the system bundle here
                }
                if (name.equals(NODE_REPOSITORY)) {
                    continue; // replaced by a stub declaring its extension points (see nodeRepositoryStub)
                }
                bundles.putIfAbsent(name, new Entry(name, file, "knime"));
            }
        }
        return bundles;
    }

    /**
     * The third-party bundles from Maven's list, ready to install: plain jars wrapped, jakarta.json-api and parsson
     * merged, reload4j and slf4j-api patched. Those whose symbolic name {@code skip} holds (KNIME's folder already has
     * them, as a KNIME installation's plugins folder does) are left out.
     */
    static List<Entry> thirdParty(List<Path> jars, Path out, java.util.Set<String> skip) throws IOException {
        Files.createDirectories(out);
        List<Entry> entries = new ArrayList<>();
        Path jsonApi = null;
        Path parsson = null;
        for (Path jar : jars) {
            String file = jar.getFileName().toString();
            Manifest manifest = manifest(jar);
            String name = symbolicName(manifest);
            if (file.startsWith("jakarta.json-api-")) {
                jsonApi = jar;
                continue;
            }
            if (file.startsWith("parsson-")) {
                parsson = jar;
                continue;
            }
            if (name == null) {
                name = wrappedName(file);
                if (!skip.contains(name)) {
                    entries.add(new Entry(name, wrap(jar, name, out), "wrapped"));
                }
                continue;
            }
            if (skip.contains(name)) {
                continue;
            }
            if (name.equals("org.apache.log4j")) {
                // KNIME's log appenders are found through buddy class loading (org.knime.core registers as buddy)
                entries.add(new Entry(name, patch(jar, out, m -> m.getMainAttributes()
                        .putValue("Eclipse-BuddyPolicy", "registered")), "patched"));
            } else if (name.equals("slf4j.api")) {
                // no SPI Fly here: without its osgi.extender requirement slf4j resolves and falls back to no-op
                entries.add(new Entry(name, patch(jar, out, m -> m.getMainAttributes()
                        .remove(new Attributes.Name("Require-Capability"))), "patched"));
            } else {
                entries.add(new Entry(name, jar, "maven"));
            }
        }
        if (jsonApi != null && parsson != null && !skip.contains(PARSSON_MERGED)) {
            entries.add(new Entry(PARSSON_MERGED, merge(jsonApi, parsson, out), "merged"));
        }
        return entries;
    }

    private static String wrappedName(String file) {
        for (Map.Entry<String, String> known : WRAPPED_NAMES.entrySet()) {
            if (file.startsWith(known.getKey())) {
                return known.getValue();
            }
        }
        return "wrapped." + file.replaceAll("-[0-9].*$", "").replaceAll("[^A-Za-z0-9_.]", "_");
    }

    /**
     * A stand-in for {@value #NODE_REPOSITORY}: only the DECLARATIONS of its extension points nodes, nodesets and
     * categories (org.knime.core's NodeFactoryProvider reads them to find node factories, also when a workflow
     * loads). The real bundle is UI and does not resolve headless, so this stub replaces it for any KNIME folder.
     */
    static Entry nodeRepositoryStub(Path out) throws IOException {
        Files.createDirectories(out);
        Path target = out.resolve(NODE_REPOSITORY + "_5.3.0.stub.jar");
        if (Files.isRegularFile(target)) {
            return new Entry(NODE_REPOSITORY, target, "stub"); // written by an earlier JVM; maybe in use by one now
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", NODE_REPOSITORY + ";singleton:=true");
        main.putValue("Bundle-Version", "5.3.0.stub");
        main.putValue("Bundle-Name", "Extension points of KNIME's node repository (stub for the GFE integration tests)");
        String pluginXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.0\"?>\n<plugin>\n"
                + "   <extension-point id=\"nodes\" name=\"Nodes\"/>\n"
                + "   <extension-point id=\"nodesets\" name=\"Node sets\"/>\n"
                + "   <extension-point id=\"categories\" name=\"Categories\"/>\n</plugin>\n";
        Path temp = Files.createTempFile(out, "stub", ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new ZipEntry("plugin.xml"));
            jar.write(pluginXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(NODE_REPOSITORY, target, "stub");
    }

    /** OSGi version of a Maven version: three numbers and an optional qualifier. */
    static String osgiVersion(String mavenVersion) {
        Matcher m = Pattern.compile("^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?[.-]?(.*)$").matcher(mavenVersion);
        if (!m.matches()) {
            return "0.0.0";
        }
        String version = m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)) + "."
                + (m.group(3) == null ? "0" : m.group(3));
        String qualifier = m.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
        return qualifier.isEmpty() ? version : version + "." + qualifier;
    }

    private static String mavenVersionOf(Path jar) {
        // ~/.m2/repository/<group path>/<artifact>/<version>/<artifact>-<version>.jar
        return jar.getParent().getFileName().toString();
    }

    /** A plain jar as a bundle exporting every package it holds; it imports whatever it needs dynamically. */
    private static Path wrap(Path jar, String name, Path out) throws IOException {
        String version = osgiVersion(mavenVersionOf(jar));
        Path target = out.resolve(name + "_" + version + ".jar");
        if (isFresh(target, jar)) {
            return target;
        }
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile in = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                String entry = e.nextElement().getName();
                if (entry.endsWith(".class") && entry.contains("/") && !entry.startsWith("META-INF/")) {
                    packages.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", name + " (wrapped for the GFE integration tests)");
        List<String> exports = new ArrayList<>();
        for (String p : packages) {
            exports.add(p + ";version=\"" + version + "\"");
        }
        main.putValue("Export-Package", String.join(",", exports));
        main.putValue("DynamicImport-Package", "*");
        copyWith(List.of(jar), manifest, target);
        return target;
    }

    /** A bundle jar with an edited manifest (signature files dropped, since the manifest changes). */
    private static Path patch(Path jar, Path out, java.util.function.Consumer<Manifest> edit) throws IOException {
        Path target = out.resolve(jar.getFileName().toString().replace(".jar", "-patched.jar"));
        if (isFresh(target, jar)) {
            return target;
        }
        Manifest manifest = manifest(jar);
        stripSignatures(manifest);
        edit.accept(manifest);
        copyWith(List.of(jar), manifest, target);
        return target;
    }

    /** jakarta.json-api and parsson as one bundle (as Orbit ships them), so the API finds its provider. */
    private static Path merge(Path jsonApi, Path parsson, Path out) throws IOException {
        String version = osgiVersion(mavenVersionOf(parsson));
        Path target = out.resolve(PARSSON_MERGED + "_" + version + ".jar");
        if (isFresh(target, jsonApi) && isFresh(target, parsson)) {
            return target;
        }
        Manifest api = manifest(jsonApi);
        Manifest impl = manifest(parsson);
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", PARSSON_MERGED);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Name", "Jakarta JSON API + Eclipse Parsson (merged for the GFE integration tests)");
        main.putValue("Export-Package", api.getMainAttributes().getValue("Export-Package") + ","
                + impl.getMainAttributes().getValue("Export-Package"));
        copyWith(List.of(jsonApi, parsson), manifest, target);
        return target;
    }

    private static void stripSignatures(Manifest manifest) {
        // per-entry digests belong to the signature that is dropped
        manifest.getEntries().clear();
    }

    private static boolean isFresh(Path target, Path source) throws IOException {
        return Files.isRegularFile(target)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(source)) >= 0;
    }

    /** Writes the entries of the jars (first one wins) under a new manifest, without signatures or module-info. */
    private static void copyWith(List<Path> jars, Manifest manifest, Path target) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        java.util.Set<String> written = new java.util.HashSet<>();
        try (OutputStream file = Files.newOutputStream(temp); JarOutputStream out = new JarOutputStream(file, manifest)) {
            written.add("META-INF/MANIFEST.MF");
            written.add("META-INF/");
            for (Path jar : jars) {
                try (JarFile in = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                        JarEntry entry = e.nextElement();
                        String name = entry.getName();
                        String upper = name.toUpperCase(Locale.ROOT);
                        boolean signature = upper.startsWith("META-INF/") && (upper.endsWith(".SF")
                                || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
                        if (signature || name.endsWith("module-info.class") || !written.add(name)) {
                            continue;
                        }
                        out.putNextEntry(new ZipEntry(name));
                        try (InputStream content = in.getInputStream(entry)) {
                            content.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The class path entries of a bundle for compiling against it: the jar or folder itself and the jars its
     * Bundle-ClassPath names (extracted from a jar into {@code out}).
     */
    static List<Path> compileClassPath(Path bundle, Path out) throws IOException {
        List<Path> paths = new ArrayList<>();
        paths.add(bundle);
        Manifest manifest = manifest(bundle);
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-ClassPath");
        if (classPath == null) {
            return paths;
        }
        for (String element : classPath.split(",")) {
            String inner = element.split(";")[0].trim();
            if (inner.isEmpty() || inner.equals(".") || !inner.endsWith(".jar")) {
                continue;
            }
            if (Files.isDirectory(bundle)) {
                Path file = bundle.resolve(inner);
                if (Files.isRegularFile(file)) {
                    paths.add(file);
                }
                continue;
            }
            Path target = out.resolve(bundle.getFileName() + "!" + inner.replace('/', '_'));
            if (!isFresh(target, bundle)) {
                try (JarFile jar = new JarFile(bundle.toFile())) {
                    ZipEntry entry = jar.getEntry(inner);
                    if (entry == null) {
                        continue;
                    }
                    Files.createDirectories(out);
                    try (InputStream in = jar.getInputStream(entry)) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        in.transferTo(bytes);
                        Files.write(target, bytes.toByteArray());
                    }
                }
            }
            paths.add(target);
        }
        return paths;
    }

    /** The files of a path list as written by maven-dependency-plugin's build-classpath goal. */
    static List<Path> readList(Path listFile) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String element : Files.readString(listFile).trim().split(Pattern.quote(File.pathSeparator))) {
            if (!element.isBlank()) {
                jars.add(Path.of(element.trim()));
            }
        }
        return jars;
    }
}
