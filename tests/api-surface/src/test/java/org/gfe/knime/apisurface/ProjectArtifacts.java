package org.gfe.knime.apisurface;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checked inputs are; the pom passes them as system properties (see tests/api-surface/pom.xml). */
final class ProjectArtifacts {

    private ProjectArtifacts() {
    }

    static Path signatures(String file) {
        return path("gfe.signatures.dir").resolve(file);
    }

    /** The KNIME 5.3 API the project may use: the shared list and the project's additions, merged. */
    static SignatureList list53() {
        return SignatureList.merge(shared53(), additions53());
    }

    /** The shared list (a copy of ../shared/knime-api/knime-5.3-api.txt). */
    static SignatureList shared53() {
        return SignatureList.load(signatures("knime-5.3-api.txt"));
    }

    /** The project's additions (written by knime-api-surface/generator/extract-additions.sh). */
    static SignatureList additions53() {
        return SignatureList.load(signatures("knime-5.3-additions.txt"));
    }

    /** The surface jar (or classes folder). */
    static Path surface() {
        return path("gfe.surface.artifact");
    }

    /** The plugin jar (or classes folder). */
    static Path plugin() {
        return path("gfe.plugin.artifact");
    }

    /** The test doubles jar (or classes folder). */
    static Path doubles() {
        return path("gfe.doubles.artifact");
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven "
                    + "(./mvnw -o -q -B verify -pl tests/api-surface), whose pom sets it");
        }
        Path p = Path.of(value);
        if (!Files.exists(p)) {
            throw new IllegalStateException(property + " points to " + p + ", which does not exist: build that module first");
        }
        return p;
    }
}
