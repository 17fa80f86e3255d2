package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real-class-file check of the additions fails on deliberately damaged copies of knime-5.3-additions.txt: each
 * kind of damage (return type, generic argument, throws, constant, kind, modifiers, supertype, bundle, a member left
 * out of a full listing, an invented member, an invented missing line, a wrong ref kind) is reported. Skipped with the
 * real-class-file test when the bundles are absent.
 */
class TamperedAdditionsAreDetectedTest {

    private static final List<String> ADDITIONS = ListTampering.additions();

    private static List<String> check(List<String> lines) {
        return AdditionsCheck.problems(lines, Real53Bundles.requireOrSkip());
    }

    private static void assertReported(List<String> problems, String... fragments) {
        boolean found = problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains));
        assertTrue(found, () -> "expected a problem containing " + List.of(fragments) + " but got:\n" + String.join("\n", problems));
    }

    @Test
    void untamperedAdditionsPass() {
        assertEquals(List.of(), check(ADDITIONS));
    }

    @Test
    void changedReturnTypeIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS,
                "member org.knime.core.node.streamable.DataTableRowInput | method | public long getRowCount()",
                l -> l.replace("public long getRowCount()", "public int getRowCount()").replace("getRowCount()long", "getRowCount()int"));

        List<String> problems = check(tampered);

        assertReported(problems, "DataTableRowInput", "not in the real class", "public int getRowCount()");
        assertReported(problems, "DataTableRowInput", "full listing does not", "getRowCount()long");
    }

    @Test
    void changedGenericArgumentIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS,
                "member org.knime.core.data.container.filter.TableFilter | method | public java.util.Optional<java.lang.Long> getFromRowIndex()",
                l -> l.replace("Optional<java.lang.Long>", "Optional<java.lang.Integer>"));

        assertReported(check(tampered), "TableFilter", "getFromRowIndex()java.util.Optional", "declaration differs",
                "java.util.Optional<java.lang.Integer>", "java.util.Optional<java.lang.Long>");
    }

    @Test
    void droppedThrowsClauseIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS,
                "member org.knime.core.node.streamable.RowInput | method | public abstract org.knime.core.data.DataRow poll()",
                l -> l.replace(" throws java.lang.InterruptedException", ""));

        assertReported(check(tampered), "RowInput", "poll()org.knime.core.data.DataRow", "declaration differs",
                "throws java.lang.InterruptedException");
    }

    @Test
    void changedConstantIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS,
                "member org.knime.core.node.streamable.StreamableFunction | field | public static final int DEFAULT_OUTPORT_INDEX",
                l -> l.replace("constant=0", "constant=1"));

        assertReported(check(tampered), "StreamableFunction", "DEFAULT_OUTPORT_INDEX", "constant value differs", "[1]", "[0]");
    }

    @Test
    void changedKindModifiersAndSupertypeAreReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS, "type org.knime.core.node.streamable.PartitionInfo |",
                l -> l.replace(" | class | public | ", " | final class | protected | "));
        tampered = ListTampering.replace(tampered, "type org.knime.core.node.streamable.RowOutput |",
                l -> l.replace("extends org.knime.core.node.streamable.PortOutput", "extends java.lang.Object"));

        List<String> problems = check(tampered);

        assertReported(problems, "PartitionInfo", "kind differs", "[final class]", "[class]");
        assertReported(problems, "PartitionInfo", "modifiers differs", "[protected]", "[public]");
        assertReported(problems, "RowOutput", "extends differs", "[java.lang.Object]", "[org.knime.core.node.streamable.PortOutput]");
    }

    @Test
    void wrongBundleIsReported() {
        List<String> tampered = ListTampering.replace(ADDITIONS, "type org.knime.core.util.ThreadPool |",
                l -> l.replace("bundle=org.knime.core ", "bundle=org.knime.core.util "));

        assertReported(check(tampered), "org.knime.core.util.ThreadPool", "bundle=org.knime.core.util", "bundle org.knime.core");
    }

    @Test
    void memberLeftOutOfAFullListingIsReported() {
        List<String> tampered = ListTampering.withoutMembersErasedAs(ADDITIONS,
                "setFully(org.knime.core.node.BufferedDataTable)void");

        assertReported(check(tampered), "RowOutput", "full listing does not", "setFully(org.knime.core.node.BufferedDataTable)void");
    }

    @Test
    void inventedMemberIsReported() {
        List<String> tampered = new ArrayList<>();
        for (String line : ADDITIONS) {
            tampered.add(line);
            if (line.startsWith("member org.knime.core.util.ThreadPool | method | public void shutdown()")) {
                tampered.add("member org.knime.core.util.ThreadPool | method | public void shutdownNow() | shutdownNow()void | -");
            }
        }

        assertReported(check(tampered), "ThreadPool", "not in the real class", "public void shutdownNow()");
    }

    @Test
    void falseMissingLineAndWrongRefKindAreReported() {
        List<String> tampered = new ArrayList<>(ADDITIONS);
        tampered.add("missing org.knime.core.util.ThreadPool.createSubPool | not present at this revision");
        tampered = ListTampering.replace(tampered, "ref org.knime.core.data.v2.RowRead |",
                l -> l.replace(" | interface | ", " | abstract class | "));

        List<String> problems = check(tampered);

        assertReported(problems, "missing org.knime.core.util.ThreadPool.createSubPool", "public/protected in the real class");
        assertReported(problems, "ref org.knime.core.data.v2.RowRead", "kind differs", "[abstract class]", "[interface]");
    }
}
