package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the project adds must stay linkable after 5.3: no type or member of knime-5.3-additions.txt may be marked
 * removed, changed or flags-changed (from its 5.3 form) in api-diff.txt, where that type appears there. Lines are
 * matched by key as api-diff.txt matches them (EXTRACTION.md): types by name, constructors and methods by owner, kind,
 * name and erased parameters, fields, enum constants and nested types by owner, kind and name.
 */
class AdditionsNotChangedAfter53Test {

    private static final Set<String> BREAKING = Set.of("removed", "changed-from", "flags-changed-from");

    @Test
    void noAdditionIsRemovedOrChangedInTheApiDiff() throws IOException {
        List<String> diff = Files.readAllLines(ProjectArtifacts.signatures("api-diff.txt"));
        List<String> problems = check(ListTampering.additions(), diff);

        assertEquals(List.of(), problems);
    }

    @Test
    void aRemovedOrChangedAdditionIsReported() {
        List<String> diff = List.of(
                "5.3->5.5 | removed | member org.knime.core.util.ThreadPool | method | public void shutdown() | shutdown()void | -",
                "5.3->master | changed-from | member org.knime.core.node.streamable.RowInput | method | public abstract "
                        + "org.knime.core.data.DataRow poll() throws java.lang.InterruptedException | poll()org.knime.core.data.DataRow | -",
                "5.3->master | changed-to | member org.knime.core.node.streamable.RowInput | method | public abstract "
                        + "org.knime.core.data.DataRow poll() | poll()org.knime.core.data.DataRow | -",
                "5.3->5.5 | flags-changed-from | type org.knime.core.data.def.BooleanCell | final class | public | - | "
                        + "extends org.knime.core.data.DataCell | implements - | bundle=org.knime.core listing=full "
                        + "binary=org.knime.core.data.def.BooleanCell deprecated=no",
                "5.3->5.5 | added | member org.knime.core.util.ThreadPool | method | public void shutdownNow() | shutdownNow()void | -");

        List<String> problems = check(ListTampering.additions(), diff);

        assertEquals(3, problems.size(), () -> String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("5.3->5.5 removed: member org.knime.core.util.ThreadPool")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("5.3->master changed-from: member org.knime.core.node.streamable.RowInput")),
                problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("5.3->5.5 flags-changed-from: type org.knime.core.data.def.BooleanCell")),
                problems::toString);
    }

    /** One line per additions line whose key api-diff.txt marks removed or changed; only types that appear there. */
    static List<String> check(List<String> additions, List<String> diff) {
        Set<String> diffTypes = new HashSet<>();
        List<String[]> breaking = new ArrayList<>();
        for (String line : diff) {
            String[] f = line.split(" \\| ", 3);
            if (f.length < 3 || line.startsWith("#")) {
                continue;
            }
            diffTypes.add(owner(f[2]));
            if (BREAKING.contains(f[1])) {
                breaking.add(new String[] {f[0], f[1], key(f[2])});
            }
        }
        List<String> problems = new ArrayList<>();
        for (String line : additions) {
            if (!line.startsWith("type ") && !line.startsWith("member ")) {
                continue;
            }
            if (!diffTypes.contains(owner(line))) {
                continue;
            }
            String key = key(line);
            for (String[] b : breaking) {
                if (b[2].equals(key)) {
                    problems.add(b[0] + " " + b[1] + ": " + line);
                }
            }
        }
        return problems;
    }

    /** The type a list line belongs to: the type of a type line, the owner of a member line. */
    private static String owner(String listLine) {
        String head = listLine.split(" \\| ")[0];
        return head.substring(head.indexOf(' ') + 1);
    }

    /** api-diff's matching key of a list line (see the class comment). */
    static String key(String listLine) {
        String[] f = listLine.split(" \\| ");
        if (listLine.startsWith("type ")) {
            return "type " + f[0].substring(5);
        }
        String owner = f[0].substring(7);
        String kind = f[1];
        String erased = f[3];
        String name = switch (kind) {
            case "method", "constructor" -> erased.substring(0, erased.indexOf(')') + 1);
            case "field" -> erased.substring(0, erased.indexOf(':'));
            default -> erased;
        };
        return "member " + owner + " " + kind + " " + name;
    }
}
