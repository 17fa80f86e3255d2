package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every line of knime-5.3-additions.txt matches the real KNIME 5.3 class files (../shared/knime-runtime/5.3/bundles,
 * or -Dknime.bundles): same kind, modifiers, type parameters, supertypes, erasure, generic declaration, throws,
 * constants, ordinals, deprecation and bundle; full listings complete, header listings with every constructor and
 * abstract method; ref kinds and bundles; missing members really missing. Skipped (one line) without the bundles.
 */
class AdditionsMatchReal53ClassFilesTest {

    @Test
    void everyLineOfTheAdditionsMatchesTheReal53ClassFiles() {
        Real53Bundles.Classes real = Real53Bundles.requireOrSkip();
        List<String> additions = ListTampering.additions();

        List<String> problems = AdditionsCheck.problems(additions, real);

        assertTrue(problems.isEmpty(), () -> problems.size() + " lines of knime-5.3-additions.txt differ from the real 5.3 "
                + "class files in " + Real53Bundles.folder() + " (re-run knime-api-surface/generator/extract-additions.sh):\n"
                + String.join("\n", problems));
    }

    @Test
    void theCheckCoversEveryTypeBlockAndRefLineOfTheAdditions() {
        Real53Bundles.Classes real = Real53Bundles.requireOrSkip();
        SignatureList additions = ProjectArtifacts.additions53();

        long found = additions.types().stream().filter(t -> real.shapes().containsKey(t.binary())).count();

        assertEquals(additions.types().size(), found, "type blocks whose class is in the real bundles");
        assertTrue(additions.types().size() >= 30, "the additions list holds only " + additions.types().size() + " types");
        assertTrue(additions.refs().keySet().stream().allMatch(real.shapes()::containsKey), "every ref type is a real class");
    }

    /** The same check on the shared list: its source-based extraction agrees with the class files, line for line. */
    @Test
    void theSharedListMatchesTheReal53ClassFilesToo() {
        Real53Bundles.Classes real = Real53Bundles.requireOrSkip();

        List<String> problems = AdditionsCheck.problems(ListTampering.original(), real);

        assertEquals(List.of(), problems);
    }
}
