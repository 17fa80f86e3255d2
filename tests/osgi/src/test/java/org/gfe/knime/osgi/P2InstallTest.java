package org.gfe.knime.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Installing the feature from the built site (the zip, as a user would add it) with p2's director: into a target
 * that can get org.knime.core it succeeds and takes only the native fragment of the target's platform; where
 * org.knime.core cannot be found it fails with p2's "Missing requirement" message instead of installing a plugin
 * that could not resolve; on a platform without a native fragment (macOS on Intel) it fails the same way, naming the
 * supported platforms.
 */
class P2InstallTest {

    private static final String FEATURE = "org.gfe.knime.feature.feature.group";

    @Test
    void installsThePluginAndOnlyTheLinuxFragmentNextToKnimeCore() throws Exception {
        Path target = BuiltArtifacts.freshWorkDir("p2-with-knime").resolve("knime");
        P2Director.Result result = P2Director.installForLinux(target, FEATURE, List.of(
                P2Director.zipRepository(BuiltArtifacts.siteZip()),
                BuiltArtifacts.knimeStandInRepository().toUri().toString()));

        assertEquals(0, result.exitCode(), result.output());
        List<String> plugins = jarNames(target.resolve("plugins"));
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.gfe.knime_")), "plugins: " + plugins);
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.gfe.knime.natives.linux.x86_64_")), "" + plugins);
        assertTrue(plugins.stream().noneMatch(p -> p.contains(".natives.win.") || p.contains(".natives.osx.")),
                "only the linux fragment may be installed on linux: " + plugins);
        assertTrue(plugins.stream().anyMatch(p -> p.startsWith("org.knime.core_5.3.4")), "" + plugins);
        assertTrue(jarNames(target.resolve("features")).stream()
                .anyMatch(f -> f.startsWith("org.gfe.knime.feature_")));
    }

    @Test
    void failsWithMissingRequirementWhereKnimeCoreIsAbsent() throws Exception {
        Path target = BuiltArtifacts.freshWorkDir("p2-without-knime").resolve("knime");
        P2Director.Result result = P2Director.installForLinux(target, FEATURE,
                List.of(P2Director.zipRepository(BuiltArtifacts.siteZip())));

        assertNotEquals(0, result.exitCode(), "the install must fail without org.knime.core:\n" + result.output());
        assertTrue(result.output().contains("Missing requirement"), result.output());
        assertTrue(result.output().contains("org.knime.core"), result.output());
        assertTrue(jarNames(target.resolve("plugins")).isEmpty(), "nothing may be installed after a failure");
    }

    @Test
    void refusesToInstallOnAPlatformWithoutNativeLibraries() throws Exception {
        Path target = BuiltArtifacts.freshWorkDir("p2-macos-intel").resolve("knime");
        P2Director.Result result = P2Director.install(target, FEATURE, List.of(
                P2Director.zipRepository(BuiltArtifacts.siteZip()),
                BuiltArtifacts.knimeStandInRepository().toUri().toString()), "macosx", "cocoa", "x86_64");

        assertNotEquals(0, result.exitCode(), "macOS on Intel has no native fragment:\n" + result.output());
        assertTrue(result.output().contains("Missing requirement"), result.output());
        assertTrue(result.output().contains("org.gfe.knime.supported.platform"), result.output());
        assertTrue(jarNames(target.resolve("plugins")).isEmpty(), "nothing may be installed after a failure");
    }

    private static List<String> jarNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
