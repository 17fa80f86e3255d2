package org.gfe.knime.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs p2's director (the engine behind KNIME's "Install KNIME Extensions") through Tycho's director goal, in a
 * separate Maven process with the same Maven and local repository as this build (the director plugin is fetched
 * from Central on first use, later read from the local repository). A failing install is a result the test looks
 * at, which is why the director is not a goal of this module's own build.
 */
final class P2Director {

    /** Exit code and console output of one director run. */
    record Result(int exitCode, String output) {
    }

    private P2Director() {
    }

    /** Installs the unit {@code iu} into {@code destination} for Linux x86-64 (GTK), from the given repositories. */
    static Result installForLinux(Path destination, String iu, List<String> repositories)
            throws IOException, InterruptedException {
        return install(destination, iu, repositories, "linux", "gtk", "x86_64");
    }

    /** Installs the unit {@code iu} into {@code destination} for the given p2 platform, from the repositories. */
    static Result install(Path destination, String iu, List<String> repositories, String os, String ws, String arch)
            throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = Path.of(BuiltArtifacts.property("gfe.maven.home"), "bin", windows ? "mvn.cmd" : "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + BuiltArtifacts.property("gfe.maven.repo.local")));
        command.addAll(List.of(
                "org.eclipse.tycho:tycho-p2-director-plugin:" + BuiltArtifacts.property("gfe.tycho.version")
                        + ":director",
                "-Ddestination=" + destination,
                "-Drepositories=" + String.join(",", repositories),
                "-DinstallIUs=" + iu,
                "-Dp2.os=" + os, "-Dp2.ws=" + ws, "-Dp2.arch=" + arch));
        Path log = Files.createTempFile(destination.getParent(), "director", ".log");
        Process process = new ProcessBuilder(command)
                .directory(destination.getParent().toFile()) // no pom.xml there: the goal runs without a project
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the p2 director did not finish within 5 minutes; log: " + log);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A p2 repository URI for a zipped site, as p2 reads archives. */
    static String zipRepository(Path zip) {
        return "jar:" + zip.toUri() + "!/";
    }
}
