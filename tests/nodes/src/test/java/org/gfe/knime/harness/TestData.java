package org.gfe.knime.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the data files shipped with the project (tests/data) and the optional shared data beside it. */
public final class TestData {
    private TestData() {
    }

    /** The project root: the first directory upwards from the working directory that has tests/data. */
    public static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("tests/data")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No project root (a directory with tests/data and pom.xml) above "
            + System.getProperty("user.dir"));
    }

    /** tests/data/lab/tecator.csv: 215 rows, 100 absorbances A001..A100 plus water, fat, protein. */
    public static Path tecatorCsv() {
        return projectRoot().resolve("tests/data/lab/tecator.csv");
    }

    /** ../shared/data/mnist (gzipped IDX files) next to the project, if present on this machine. */
    public static Optional<Path> sharedMnistDir() {
        final Path dir = projectRoot().getParent().resolve("shared/data/mnist");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
}
