package org.gfe.knime.apisurface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled surface (knime-api-surface) has exactly the shape of the 5.3 lists: the shared knime-5.3-api.txt and the
 * project's knime-5.3-additions.txt, merged as the generator merges them.
 */
class SurfaceMatchesSignaturesTest {

    private static final SignatureList LIST = ProjectArtifacts.list53();

    @Test
    void everyListedTypeAndMemberIsInTheSurfaceWithTheListedShapeAndNothingElseIsApi() {
        Map<String, ClassShape> surface = ClassFileSignatures.read(ProjectArtifacts.surface(), "");
        SignatureComparison.SurfaceExtras extras = SurfaceExtrasFile.load(
                ProjectArtifacts.signatures("extra-types.txt"), ProjectArtifacts.signatures("surface-supplements.txt"));

        List<String> mismatches = new SignatureComparison(LIST, surface).surfaceMismatches(extras);

        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches between the surface and "
                + "knime-5.3-api.txt + knime-5.3-additions.txt; regenerate with knime-api-surface/generator/generate.sh:\n"
                + String.join("\n", mismatches));
    }

    @Test
    void listParsesToTheCountsItsHeaderDeclares() throws IOException {
        assertCounts("knime-5.3-api.txt", ProjectArtifacts.shared53());
    }

    @Test
    void additionsParseToTheCountsTheirHeaderDeclares() throws IOException {
        assertCounts("knime-5.3-additions.txt", ProjectArtifacts.additions53());
    }

    /** The additions add types and members to the shared list; the merged list has all of both. */
    @Test
    void mergedListHoldsEveryTypeAndMemberOfBothLists() {
        for (SignatureList part : List.of(ProjectArtifacts.shared53(), ProjectArtifacts.additions53())) {
            for (SignatureList.Type t : part.types()) {
                SignatureList.Type merged = LIST.type(t.binary());
                assertNotNull(merged, t.fqcn());
                assertTrue(merged.members().keySet().containsAll(t.members().keySet()), t.fqcn());
            }
        }
        assertFalse(ProjectArtifacts.additions53().types().isEmpty(), "knime-5.3-additions.txt lists no type");
    }

    private static void assertCounts(String file, SignatureList list) throws IOException {
        String header = Files.readAllLines(ProjectArtifacts.signatures(file)).stream()
                .filter(l -> l.startsWith("# types: ")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("# types: (\\d+), members: (\\d+)").matcher(header);
        assertTrue(m.find(), file + ": header line '# types: N, members: M' not found");

        int members = list.types().stream().mapToInt(t -> t.members().size()).sum();

        assertEquals(Integer.parseInt(m.group(1)), list.types().size(), file + ": type blocks parsed");
        assertEquals(Integer.parseInt(m.group(2)), members, file + ": member lines parsed");
    }

    /** Supplements are allowed only where the list is incomplete, and only as implementations of inherited abstract methods. */
    @Test
    void supplementsOnlyImplementAbstractMethodsOfSupertypes() {
        List<SurfaceExtrasFile.Supplement> supplements = SurfaceExtrasFile.supplements(ProjectArtifacts.signatures("surface-supplements.txt"));
        List<String> problems = new ArrayList<>();
        for (SurfaceExtrasFile.Supplement s : supplements) {
            SignatureList.Type owner = LIST.types().stream().filter(t -> t.fqcn().equals(s.owner())).findFirst().orElse(null);
            if (owner == null || owner.complete()) {
                problems.add(s + ": owner must be a listed header/select/supertype-header type");
            } else if (!supertypes(owner).contains(s.requiredBy())) {
                problems.add(s + ": " + s.requiredBy() + " is not a supertype of " + s.owner());
            } else if (!declaresAbstract(s.requiredBy(), s.erased())) {
                problems.add(s + ": " + s.requiredBy() + " declares no abstract " + s.erased());
            }
        }
        assertFalse(supplements.isEmpty(), "surface-supplements.txt is empty, yet ConfigBase must implement ConfigBaseRO");
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void surfaceJarIsTheOrgKnimeCoreStandInBundleExportingEveryPackageAt534() throws IOException {
        Manifest manifest = manifest(ProjectArtifacts.surface());
        var main = manifest.getMainAttributes();
        assertEquals("org.knime.core", main.getValue("Bundle-SymbolicName").split(";")[0].trim());
        assertEquals("5.3.4", main.getValue("Bundle-Version"));

        Set<String> packages = ClassFileSignatures.read(ProjectArtifacts.surface(), "org/knime/").keySet().stream()
                .map(b -> b.substring(0, b.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> exports = exports(main.getValue("Export-Package"));
        for (String p : packages) {
            assertEquals("5.3.4", exports.get(p), "Export-Package version of " + p);
        }
        assertEquals(packages, exports.keySet(), "exported packages = the surface's org.knime packages");
    }

    private static Set<String> supertypes(SignatureList.Type start) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(LIST.directSupertypes(start));
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (seen.add(name)) {
                String binary = LIST.binaryOf(name);
                if (binary != null && LIST.type(binary) != null) {
                    queue.addAll(LIST.directSupertypes(LIST.type(binary)));
                } else {
                    jdkSupertypes(name).forEach(queue::add);
                }
            }
        }
        return seen;
    }

    private static List<String> jdkSupertypes(String name) {
        try {
            Class<?> c = Class.forName(name);
            List<String> result = new ArrayList<>();
            if (c.getSuperclass() != null) {
                result.add(c.getSuperclass().getCanonicalName());
            }
            Arrays.stream(c.getInterfaces()).forEach(i -> result.add(i.getCanonicalName()));
            return result;
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }

    private static boolean declaresAbstract(String type, String erased) {
        String binary = LIST.binaryOf(type);
        if (binary != null && LIST.type(binary) != null) {
            SignatureList.Member m = LIST.type(binary).members().get(erased);
            return m != null && m.declaration().contains(" abstract ");
        }
        try {
            for (Method m : Class.forName(type).getDeclaredMethods()) {
                String key = m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getTypeName)
                        .collect(Collectors.joining(",", "(", ")")) + m.getReturnType().getTypeName();
                if (key.equals(erased) && Modifier.isAbstract(m.getModifiers())) {
                    return true;
                }
            }
        } catch (ClassNotFoundException e) {
            return false;
        }
        return false;
    }

    private static Manifest manifest(Path artifact) throws IOException {
        if (Files.isDirectory(artifact)) {
            try (InputStream in = Files.newInputStream(artifact.resolve("META-INF/MANIFEST.MF"))) {
                return new Manifest(in);
            }
        }
        try (JarFile jar = new JarFile(artifact.toFile())) {
            Manifest m = jar.getManifest();
            assertNotNull(m, artifact + " has no manifest");
            return m;
        }
    }

    /** Package name to its version attribute, from an Export-Package header (commas inside quotes ignored). */
    private static Map<String, String> exports(String header) {
        assertNotNull(header, "the surface bundle has no Export-Package header");
        Map<String, String> result = new java.util.TreeMap<>();
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String[] parts = clause.split(";");
            Matcher v = Pattern.compile("version=\"?([^\";]+)\"?").matcher(clause);
            result.put(parts[0].trim(), v.find() ? v.group(1) : "(none)");
        }
        return result;
    }
}
