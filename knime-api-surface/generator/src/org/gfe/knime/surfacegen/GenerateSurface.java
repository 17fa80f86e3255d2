package org.gfe.knime.surfacegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the compile-only KNIME API surface from signature lists (the shared knime-5.3-api.txt and the project's
 * knime-5.3-additions.txt, merged: {@link SignatureFile#merge}).
 * Usage: {@code GenerateSurface <source root to (re)write> <folder for extra-types.txt and surface-supplements.txt> <list>...}
 */
public final class GenerateSurface {

    private GenerateSurface() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GenerateSurface <src/main/java> <signatures folder> <knime-5.3-api.txt> [<more lists>...]");
            System.exit(2);
        }
        Path sourceRoot = Path.of(args[0]);
        Path signatures = Path.of(args[1]);
        List<SignatureFile> lists = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            lists.add(SignatureFile.read(Path.of(args[i])));
        }

        SignatureFile list = SignatureFile.merge(lists);
        StubPlan stubs = StubPlan.of(list);
        TypeUniverse universe = new TypeUniverse(list, stubs);
        checkErasures(list, universe);
        List<RequiredImplementations.Supplement> supplements = RequiredImplementations.plan(universe, list.types);
        Map<String, String> files = new SourceWriter(list, stubs, universe, supplements).render();

        deleteTree(sourceRoot);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = sourceRoot.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
        writeExtraTypes(signatures.resolve("extra-types.txt"), stubs);
        writeSupplements(signatures.resolve("surface-supplements.txt"), supplements, universe);
        System.out.printf("%d listed types, %d stubs, %d required implementations -> %d source files in %s%n",
                list.types.size(), stubs.stubs().size(), supplements.size(), files.size(), sourceRoot);
    }

    /** Every listed erasure must equal the one computed from the declaration: proves the parser read it right. */
    private static void checkErasures(SignatureFile list, TypeUniverse universe) {
        Erasures erasures = new Erasures(universe);
        List<String> errors = new ArrayList<>();
        for (ListedType t : list.types) {
            for (ListedMember m : t.members()) {
                if (m.is("method") || m.is("constructor") || m.is("field")) {
                    String computed = erasures.erased(universe.get(t.fqcn()), m.kind(), Declaration.parse(m.kind(), m.declaration()));
                    if (!computed.equals(m.erased())) {
                        errors.add(t.fqcn() + ": listed " + m.erased() + " but the declaration erases to " + computed);
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("declarations misread:\n" + String.join("\n", errors));
        }
    }

    private static void writeExtraTypes(Path file, StubPlan stubs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Types the surface needs although neither knime-5.3-api.txt nor knime-5.3-additions.txt describes them (their");
        lines.add("# 'ref' lines and enclosing classes). Minimal stubs: kind, type parameters, no members. Written by");
        lines.add("# knime-api-surface/generator.");
        lines.add("# The plugin must never reference them (tests/api-surface fails if it does).");
        lines.add("# fqcn | kind | binary | why");
        for (StubPlan.Stub s : stubs.stubs()) {
            lines.add(s.fqcn() + " | " + s.kind() + " | " + s.binary() + " | " + s.reason());
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static void writeSupplements(Path file, List<RequiredImplementations.Supplement> supplements,
            TypeUniverse universe) throws IOException {
        Erasures erasures = new Erasures(universe);
        List<String> lines = new ArrayList<>();
        lines.add("# Methods the surface adds to header/select/supertype-header types because a concrete listed subclass");
        lines.add("# inherits them as abstract and the list (which leaves out non-abstract members of such types) gives no");
        lines.add("# implementation. KNIME has them too; they implement the abstract method named by required-by.");
        lines.add("# Format: the member lines of knime-5.3-api.txt. Written by knime-api-surface/generator.");
        for (RequiredImplementations.Supplement s : supplements) {
            TypeInfo holder = universe.get(s.holder());
            lines.add("member " + s.holder() + " | method | " + Erasures.listStyle(s.declaration()) + " | "
                    + erasures.erased(holder, "method", s.declaration()) + " | required-by=" + s.declaredBy());
        }
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
