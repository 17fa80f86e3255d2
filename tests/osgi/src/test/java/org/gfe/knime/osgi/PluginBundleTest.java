package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifest and content of the plugin bundle org.gfe.knime, as KNIME will read them. */
class PluginBundleTest {

    private static BundleJar bundle;

    @BeforeAll
    static void open() throws IOException {
        bundle = new BundleJar(BuiltArtifacts.plugin());
    }

    @AfterAll
    static void close() throws IOException {
        bundle.close();
    }

    @Test
    void isASingletonJava17BundleActivatedLazily() {
        assertEquals("org.gfe.knime;singleton:=true", bundle.header("Bundle-SymbolicName"));
        assertEquals("2", bundle.header("Bundle-ManifestVersion"));
        assertEquals("JavaSE-17", bundle.header("Bundle-RequiredExecutionEnvironment"));
        assertEquals("lazy", bundle.header("Bundle-ActivationPolicy"));
        assertTrue(bundle.header("Bundle-Version").matches("\\d+\\.\\d+\\.\\d+\\.\\d{12}"),
                "Bundle-Version should be major.minor.micro.<build timestamp>: " + bundle.header("Bundle-Version"));
    }

    @Test
    void requiresKnimeCoreFrom53UpTo6AndImportsNoKnimePackage() {
        assertEquals(List.of("org.knime.core;bundle-version=\"[5.3.0,6.0.0)\""), bundle.clauses("Require-Bundle"));
        List<String> imports = bundle.clauseNames("Import-Package");
        assertTrue(imports.stream().noneMatch(p -> p.startsWith("org.knime")),
                "org.knime packages come through Require-Bundle, never Import-Package: " + imports);
    }

    @Test
    void importsSlf4jMandatorilyAndEmbedsNone() throws IOException {
        String slf4j = bundle.clauses("Import-Package").stream().filter(c -> c.startsWith("org.slf4j;"))
                .findFirst().orElseThrow(() -> new AssertionError("org.slf4j is not imported"));
        assertFalse(slf4j.contains("optional"), "slf4j must be wired so DJL logs reach KNIME's log: " + slf4j);
        assertTrue(bundle.entryNames().stream().noneMatch(e -> e.startsWith("org/slf4j/")));
        for (String lib : embeddedJars()) {
            assertTrue(bundle.entryNamesOfEmbedded(lib).stream().noneMatch(e -> e.startsWith("org/slf4j/")),
                    lib + " must not contain slf4j");
        }
    }

    @Test
    void embedsDjlAndPytorchJniOnTheBundleClassPath() throws IOException {
        List<String> classPath = bundle.clauseNames("Bundle-ClassPath");
        assertEquals(".", classPath.get(0), "the bundle's own classes come first: " + classPath);
        for (String lib : embeddedJars()) {
            assertTrue(bundle.has(lib), "Bundle-ClassPath names " + lib + ", which is not in the bundle");
        }
        assertEmbedded("ai/djl/engine/Engine.class");
        assertEmbedded("ai/djl/pytorch/engine/PtEngineProvider.class");
        assertEmbedded("META-INF/services/ai.djl.engine.EngineProvider");
        assertEmbedded("jnilib/linux-x86_64/cpu/libdjl_torch.so");
        assertEmbedded("com/google/gson/Gson.class");
    }

    @Test
    void exportsNothingOutsideItsOwnNamespace() {
        List<String> exports = bundle.clauseNames("Export-Package");
        assertTrue(exports.stream().allMatch(p -> p.startsWith("org.gfe.knime")), "exports: " + exports);
    }

    @Test
    void containsTheCoreAndTheDjlStartUp() {
        assertTrue(bundle.has("org/gfe/knime/core/engine/DjlRuntime.class"));
    }

    private static List<String> embeddedJars() {
        return bundle.clauseNames("Bundle-ClassPath").stream().filter(e -> !e.equals(".")).toList();
    }

    private static void assertEmbedded(String entry) throws IOException {
        for (String lib : embeddedJars()) {
            if (bundle.entryNamesOfEmbedded(lib).contains(entry)) {
                return;
            }
        }
        throw new AssertionError(entry + " is in none of the embedded jars " + embeddedJars());
    }
}
