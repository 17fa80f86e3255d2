package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * The test doubles (tests/knime-doubles) stand in for KNIME at test time, so whatever API they have must be KNIME
 * 5.3's: each public/protected type and member under org.knime is listed with the same shape (a subset is fine).
 */
class DoublesMatchSignaturesTest {

    /** Both 5.3 lists: the doubles may have API of either. */
    private static final SignatureList LIST = ProjectArtifacts.list53();

    @Test
    void doublesApiIsASubsetOfThe53ListWithListedShapes() {
        Map<String, ClassShape> doubles = ClassFileSignatures.read(ProjectArtifacts.doubles(), "org/knime/");
        assertFalse(doubles.isEmpty(), () -> "no org/knime classes in " + ProjectArtifacts.doubles());

        List<String> mismatches = new SignatureComparison(LIST, doubles).subsetMismatches();

        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " public/protected shapes of tests/knime-doubles "
                + "differ from the 5.3 lists, knime-5.3-api.txt + knime-5.3-additions.txt (make them package-private or match "
                + "the lists):\n" + String.join("\n", mismatches));
    }

    @Test
    void subsetCheckReportsUnlistedAndReshapedApiOfFakeDoubles() {
        byte[] logger = FakeClasses.type("org/knime/core/node/NodeLogger", Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "java/lang/Object", cw -> {
            FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "warn", "(Ljava/lang/Object;)V");
            FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "warn", "(Ljava/lang/Throwable;)V");
            FakeClasses.method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "getLogger", "(Ljava/lang/String;)Lorg/knime/core/node/NodeLogger;");
            FakeClasses.method(cw, Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "getLogger", "(Ljava/lang/Class;)Ljava/lang/Object;");
            FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "hashCode", "()I");
            FakeClasses.method(cw, 0, "helper", "()V");
        });
        byte[] invalid = FakeClasses.type("org/knime/core/node/InvalidSettingsException", Opcodes.ACC_PUBLIC,
                "java/lang/RuntimeException", cw -> FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/String;)V"));
        byte[] notConfigurable = FakeClasses.type("org/knime/core/node/NotConfigurableException", Opcodes.ACC_PUBLIC,
                "java/lang/Exception", cw -> FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "<init>", "(Ljava/lang/String;)V"));
        byte[] helper = FakeClasses.type("org/knime/core/node/DoublesHelper", 0, "java/lang/Object",
                cw -> FakeClasses.method(cw, Opcodes.ACC_PUBLIC, "anything", "()V"));
        byte[] unlisted = FakeClasses.type("org/knime/core/node/NodeModelExtras", Opcodes.ACC_PUBLIC, "java/lang/Object", cw -> { });

        List<String> mismatches = new SignatureComparison(LIST, ClassFileSignatures.read(Map.of("a", logger, "b", invalid,
                "c", notConfigurable, "d", helper, "e", unlisted))).subsetMismatches();

        assertContains(mismatches, "NodeLogger", "not in the 5.3 list", "warn(java.lang.Throwable)void");
        assertContains(mismatches, "NodeLogger", "not in the 5.3 list", "getLogger(java.lang.Class)java.lang.Object");
        assertContains(mismatches, "InvalidSettingsException", "extends differs", "[java.lang.Exception]", "[java.lang.RuntimeException]");
        assertContains(mismatches, "org.knime.core.node.NodeModelExtras", "type not in the 5.3 list");
        // hashCode() overrides Object's, the package-private helper is not API, NotConfigurableException matches
        assertEquals(4, mismatches.size(), () -> String.join("\n", mismatches));
    }

    private static void assertContains(List<String> mismatches, String... fragments) {
        assertTrue(mismatches.stream().anyMatch(m -> List.of(fragments).stream().allMatch(m::contains)),
                () -> "expected a mismatch containing " + List.of(fragments) + " in:\n" + String.join("\n", mismatches));
    }
}
