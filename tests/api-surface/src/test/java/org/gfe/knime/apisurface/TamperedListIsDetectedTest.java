package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * Both checks fail on a deliberately damaged list: the surface comparison (member removed, return type changed,
 * generic argument changed, class flipped to interface, constant changed) and the reference scan (a member the
 * code uses removed, members newer than 5.3 used). The same checking code runs as in the real tests.
 */
class TamperedListIsDetectedTest {

    private static final List<String> ORIGINAL = ListTampering.original();
    private static final List<String> ADDITIONS = ListTampering.additions();
    private static final Map<String, ClassShape> SURFACE = ClassFileSignatures.read(ProjectArtifacts.surface(), "");
    private static final SignatureComparison.SurfaceExtras EXTRAS = SurfaceExtrasFile.load(
            ProjectArtifacts.signatures("extra-types.txt"), ProjectArtifacts.signatures("surface-supplements.txt"));

    /** The surface check with the shared list replaced by {@code lines} (the additions unchanged). */
    private static List<String> surfaceCheck(List<String> lines) {
        return surfaceCheck(lines, ADDITIONS);
    }

    private static List<String> surfaceCheck(List<String> shared, List<String> additions) {
        return new SignatureComparison(SignatureList.merge(SignatureList.parse(shared), SignatureList.parse(additions)),
                SURFACE).surfaceMismatches(EXTRAS);
    }

    private static List<String> scan(List<String> lines, Map<String, byte[]> classes) {
        return check(lines, KnimeReferences.scan(classes, "org/knime/"));
    }

    private static List<String> check(List<String> lines, java.util.Collection<KnimeReferences.Reference> refs) {
        return new ReferenceCheck(SignatureList.merge(SignatureList.parse(lines), SignatureList.parse(ADDITIONS)))
                .problems(refs);
    }

    private static void assertReported(List<String> problems, String... fragments) {
        boolean found = problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains));
        assertTrue(found, () -> "expected a problem containing " + List.of(fragments) + " but got:\n" + String.join("\n", problems));
    }

    @Test
    void untamperedListGivesNoSurfaceMismatch() {
        assertEquals(List.of(), surfaceCheck(ORIGINAL));
    }

    @Test
    void memberRemovedFromTheAdditionsIsReportedAsUnlistedSurfaceApi() {
        List<String> tampered = ListTampering.withoutMembersErasedAs(ADDITIONS,
                "createSubPool(int)org.knime.core.util.ThreadPool");

        assertReported(surfaceCheck(ORIGINAL, tampered), "org.knime.core.util.ThreadPool", "does not",
                "createSubPool(int)org.knime.core.util.ThreadPool");
    }

    @Test
    void changedGenericSignatureInTheAdditionsIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS,
                "member org.knime.core.util.ThreadPool | method | public <T> java.util.concurrent.Future<T> enqueue(",
                l -> l.replace("Future<T> enqueue(java.util.concurrent.Callable<T>)",
                        "Future<?> enqueue(java.util.concurrent.Callable<T>)"));

        assertReported(surfaceCheck(ORIGINAL, tampered), "ThreadPool", "enqueue(java.util.concurrent.Callable)",
                "declaration differs");
    }

    @Test
    void typeOnlyInTheAdditionsIsMissingWhenRemovedThenItsUsesFailTheScan() {
        byte[] usesStreaming = FakeClasses.caller("org/gfe/knime/fake/UsesStreaming", mv -> {
            mv.visitFieldInsn(Opcodes.GETSTATIC, "org/knime/core/node/streamable/InputPortRole",
                    "NONDISTRIBUTED_STREAMABLE", "Lorg/knime/core/node/streamable/InputPortRole;");
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/knime/core/node/streamable/InputPortRole", "isDistributable",
                    "()Z", false);
            mv.visitInsn(Opcodes.POP);
        });
        Map<String, byte[]> classes = Map.of("UsesStreaming", usesStreaming);
        assertEquals(List.of(), check(ORIGINAL, KnimeReferences.scan(classes, "org/knime/")),
                "InputPortRole and its inherited isDistributable() are in the additions");

        List<String> withoutRole = ListTampering.withoutType(ADDITIONS, "org.knime.core.node.streamable.InputPortRole");
        List<String> problems = new ReferenceCheck(SignatureList.merge(SignatureList.parse(ORIGINAL),
                SignatureList.parse(withoutRole))).problems(KnimeReferences.scan(classes, "org/knime/"));

        assertReported(problems, "type org.knime.core.node.streamable.InputPortRole", "'ref' line");
        assertReported(surfaceCheck(ORIGINAL, withoutRole), "org.knime.core.node.streamable.InputPortRole",
                "neither listed nor in signatures/extra-types.txt");
    }

    @Test
    void removedMemberIsReportedAsUnlistedSurfaceApi() {
        List<String> tampered = ListTampering.withoutMembersErasedAs(ORIGINAL, "warn(java.lang.Object)void");

        assertReported(surfaceCheck(tampered), "org.knime.core.node.NodeLogger", "does not", "warn(java.lang.Object)void");
    }

    @Test
    void changedReturnTypeIsReported() {
        List<String> tampered = ListTampering.replace(ORIGINAL,
                "member org.knime.core.data.DataTableSpec | method | public int getNumColumns()",
                l -> l.replace("public int getNumColumns()", "public long getNumColumns()").replace("getNumColumns()int", "getNumColumns()long"));

        List<String> mismatches = surfaceCheck(tampered);

        assertReported(mismatches, "DataTableSpec", "missing from the surface", "public long getNumColumns()");
        assertReported(mismatches, "DataTableSpec", "does not", "getNumColumns()int");
    }

    @Test
    void changedGenericArgumentWithSameErasureIsReported() {
        List<String> tampered = ListTampering.replace(ORIGINAL,
                "member org.knime.core.data.DataColumnDomain | method | public java.util.Set<org.knime.core.data.DataCell> getValues()",
                l -> l.replace("java.util.Set<org.knime.core.data.DataCell>", "java.util.Set<java.lang.String>"));

        assertReported(surfaceCheck(tampered), "DataColumnDomain", "getValues()java.util.Set", "declaration differs",
                "java.util.Set<java.lang.String>", "java.util.Set<org.knime.core.data.DataCell>");
    }

    @Test
    void classFlippedToInterfaceIsReported() {
        List<String> tampered = ListTampering.replace(ORIGINAL, "type org.knime.core.node.ExecutionMonitor | class |",
                l -> l.replace(" | class | ", " | interface | "));

        assertReported(surfaceCheck(tampered), "org.knime.core.node.ExecutionMonitor", "kind differs", "[interface]", "[class]");
    }

    @Test
    void changedConstantValueIsReported() {
        List<String> tampered = ListTampering.replace(ORIGINAL, "member org.knime.core.node.port.PortType | field | public static final int DEFAULT_COLOR",
                l -> l.replace("constant=-6579301", "constant=0"));

        assertReported(surfaceCheck(tampered), "PortType", "DEFAULT_COLOR", "constant value differs");
    }

    @Test
    void compiledFixturePassesTheScanAndFailsWhenAnyMemberItUsesLeavesTheList() {
        Map<String, byte[]> fixture = Map.of("fixture", TestClasses.bytes(TestClasses.FIXTURE));
        Set<KnimeReferences.Reference> refs = KnimeReferences.scan(fixture, "org/knime/");
        assertEquals(List.of(), scan(ORIGINAL, fixture), "the fixture uses only 5.3 API");

        List<String> checked = new ArrayList<>();
        for (KnimeReferences.Reference r : refs) {
            if (r.kind() == KnimeReferences.Kind.TYPE) {
                continue;
            }
            List<String> tampered = ListTampering.withoutMembersErasedAs(ORIGINAL, r.key());
            if (tampered != null) {
                assertReported(scan(tampered, fixture), r.owner(), r.key(), "not in knime-5.3-api.txt");
                checked.add(r.owner() + "." + r.key());
            }
        }
        // getDouble/addDouble are inherited from ConfigBaseRO/WO: removing them there must fail NodeSettings calls too
        assertTrue(checked.contains("org.knime.core.node.NodeSettingsRO.getDouble(java.lang.String)double"), checked::toString);
        assertTrue(checked.contains("org.knime.core.node.NodeLogger.warn(java.lang.Object)void"), checked::toString);
        assertTrue(checked.size() >= 6, () -> "only " + checked.size() + " member references tampered: " + checked);
    }

    @Test
    void removingMembersThePluginUsesFailsThePluginScan() {
        Map<String, byte[]> plugin = ClassFiles.read(ProjectArtifacts.plugin(), "org/gfe/");
        Set<KnimeReferences.Reference> refs = KnimeReferences.scan(plugin, "org/knime/");
        List<KnimeReferences.Reference> used = refs.stream().filter(r -> r.kind() != KnimeReferences.Kind.TYPE).toList();
        assertTrue(!used.isEmpty(), "the plugin references no KNIME member: are the nodes compiled into " + ProjectArtifacts.plugin() + "?");

        int checked = 0;
        for (KnimeReferences.Reference r : used) {
            if (ADDITIONS.stream().anyMatch(line -> line.startsWith("member " + r.owner() + " | "))) {
                continue; // a member of a type the additions list holds stays there (TamperedAdditionsAreDetectedTest)
            }
            List<String> tampered = ListTampering.withoutMembersErasedAs(ORIGINAL, r.key());
            if (tampered != null && checked < 25) {
                assertReported(check(tampered, refs), r.owner() + "." + r.key(), "not in knime-5.3-api.txt");
                checked++;
            }
        }
        assertTrue(checked > 0, "no plugin member reference could be removed from the list");
    }

    @Test
    void typeRemovedFromTheListIsReported() {
        Map<String, byte[]> fixture = Map.of("fixture", TestClasses.bytes(TestClasses.FIXTURE));

        List<String> problems = scan(ListTampering.withoutType(ORIGINAL, "org.knime.core.data.def.DoubleCell"), fixture);

        assertReported(problems, "type org.knime.core.data.def.DoubleCell", "type not in knime-5.3-api.txt");
    }

    @Test
    void membersNewerThan53AreReportedAndA53MemberIsNot() {
        byte[] uses55 = FakeClasses.caller("org/gfe/knime/fake/Uses55", mv -> {
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/knime/core/node/NodeLogger", "warn", "(Ljava/lang/Throwable;)V", false);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/knime/core/node/NodeLogger", "warn", "(Ljava/lang/Object;)V", false);
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/knime/core/node/ExecutionMonitor", "createNonCancelableSubProgress",
                    "()Lorg/knime/core/node/ExecutionMonitor;", false);
            mv.visitFieldInsn(Opcodes.GETSTATIC, "org/knime/core/node/CanceledExecutionException", "DEFAULT_CANCEL_MESSAGE",
                    "Lorg/knime/core/node/message/Message;");
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "org/knime/core/data/DataType", "getIdentifier", "()Ljava/lang/String;", false);
            // NodeMessage exists in 5.3 but is only named by 'ref' lines (Message.toNodeMessage): its API is unknown
            mv.visitFieldInsn(Opcodes.GETSTATIC, "org/knime/core/node/workflow/NodeMessage", "NONE",
                    "Lorg/knime/core/node/workflow/NodeMessage;");
        });

        List<String> problems = scan(ORIGINAL, Map.of("Uses55", uses55));

        assertReported(problems, "NodeLogger.warn(java.lang.Throwable)void", "not in knime-5.3-api.txt");
        assertReported(problems, "ExecutionMonitor.createNonCancelableSubProgress()");
        assertReported(problems, "CanceledExecutionException.DEFAULT_CANCEL_MESSAGE:org.knime.core.node.message.Message");
        assertReported(problems, "type org.knime.core.node.workflow.NodeMessage", "'ref' line");
        // Message itself is 5.3 API (knime-5.3-additions.txt), so only the 5.5 field that has it as type is reported
        assertFalse(problems.stream().anyMatch(p -> p.startsWith("type org.knime.core.node.message.Message")),
                () -> String.join("\n", problems));
        assertReported(problems, "DataType.getIdentifier()java.lang.String");
        assertFalse(problems.stream().anyMatch(p -> p.contains("warn(java.lang.Object)void")), () -> String.join("\n", problems));
        assertEquals(5, problems.size(), () -> String.join("\n", problems));
    }
}
