package org.gfe.knime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Saved workflows with GFE ports, loaded in this JVM and in a fresh one (driver: SaveLoad). */
class SaveLoadTest extends InKnime {

    /**
     * Train, encode and save here; load in a second JVM, reset only the Encoder and execute it on the loaded model:
     * the Learner does not run again and the latents are the same, bit for bit.
     */
    @Test
    void reExecutedInAFreshJvmGivesTheSameLatents() throws Throwable {
        Path work = Settings.workDir().resolve("fresh-jvm-exchange");
        Settings.deleteRecursively(work);
        Files.createDirectories(work);
        Path original = work.resolve("latents-first-jvm.txt");
        Path reloaded = work.resolve("latents-fresh-jvm.txt");
        String workflow = (String)inKnime("SaveLoad", "trainEncodeAndSave", original.toString());
        String report = FreshJvm.run("SaveLoad", "loadAndReencode", workflow, reloaded.toString());
        System.out.println("[knime-integration] fresh JVM: " + report);

        List<String> first = Files.readAllLines(original, StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(reloaded, StandardCharsets.UTF_8);
        int separator = lines.indexOf("---");
        assertTrue(separator > 0, "no result from the fresh JVM");
        assertEquals(215, first.size());
        assertEquals(first, lines.subList(0, separator), "latents loaded from the saved workflow");
        assertEquals(first, lines.subList(separator + 1, lines.size()),
                "latents re-encoded in the fresh JVM on the loaded model");
    }

    @Test
    void modelAndSolverPortsSurviveSaveAndLoad() throws Throwable {
        inKnime("SaveLoad", "portsSurviveSaveAndLoad");
    }
}
