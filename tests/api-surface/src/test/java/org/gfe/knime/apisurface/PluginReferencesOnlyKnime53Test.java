package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every org/knime type, field and method the compiled plugin references is in the KNIME 5.3 lists (the shared
 * knime-5.3-api.txt or the project's knime-5.3-additions.txt).
 */
class PluginReferencesOnlyKnime53Test {

    @Test
    void everyOrgKnimeReferenceOfThePluginIsInThe53List() {
        Map<String, byte[]> plugin = ClassFiles.read(ProjectArtifacts.plugin(), "org/gfe/");
        assertTrue(plugin.keySet().stream().anyMatch(n -> n.startsWith("org/gfe/knime/core/")),
                () -> "no org/gfe/knime/core classes in " + ProjectArtifacts.plugin() + ": is it the plugin?");

        Set<KnimeReferences.Reference> refs = KnimeReferences.scan(plugin, "org/knime/");
        List<String> problems = new ReferenceCheck(ProjectArtifacts.list53()).problems(refs);

        assertTrue(problems.isEmpty(), () -> problems.size() + " of " + refs.size()
                + " org/knime references of the plugin are in neither knime-5.3-api.txt nor knime-5.3-additions.txt:\n" + String.join("\n", problems));
    }
}
