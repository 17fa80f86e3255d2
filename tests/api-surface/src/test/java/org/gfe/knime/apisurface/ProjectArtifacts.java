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

    static SignatureList list53() {
        return SignatureList.load(signatures("knime-5.3-api.txt"));
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
