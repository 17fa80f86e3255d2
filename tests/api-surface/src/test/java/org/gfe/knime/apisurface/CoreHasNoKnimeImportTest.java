package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core (org.gfe.knime.core..) never references org.knime, so it runs and is tested without KNIME. */
class CoreHasNoKnimeImportTest {

    @Test
    void noCoreClassReferencesOrgKnime() {
        Map<String, byte[]> core = ClassFiles.read(ProjectArtifacts.plugin(), "org/gfe/knime/core/");
        assertFalse(core.isEmpty(), () -> "no org/gfe/knime/core classes in " + ProjectArtifacts.plugin());

        Set<KnimeReferences.Reference> refs = KnimeReferences.scan(core, "org/knime/");

        assertEquals(Set.of(), refs, () -> "org.gfe.knime.core must not use KNIME classes (move that code to "
                + "org.gfe.knime.node):\n" + refs.stream().map(Object::toString).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void theSameScanSeesKnimeReferencesWhereThereAreSome() {
        byte[] fixture = TestClasses.bytes(TestClasses.FIXTURE);

        Set<KnimeReferences.Reference> refs = KnimeReferences.scan(Map.of("fixture", fixture), "org/knime/");

        assertFalse(refs.isEmpty(), "the scan found no org/knime reference in a class that uses NodeLogger");
    }
}
