package org.gfe.knime.surfacegen.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.tree.ClassNode;

/**
 * Writes a signature list (format: signatures/EXTRACTION.md) for the types of a request file, read from the class
 * files of real KNIME bundles with ASM: access flags, descriptors, generic {@code Signature} attributes,
 * {@code Exceptions}, {@code ConstantValue}, {@code InnerClasses} and {@code @Deprecated}. Types that a base list
 * (knime-5.3-api.txt) already describes are not repeated; types the written blocks need in their type lines
 * (supertypes, bounds, enclosing types) and that no list describes are added as {@code supertype-header}; other
 * non-JDK types their members mention become {@code ref} lines.
 *
 * <pre>
 * ExtractAdditions --bundles DIR --request FILE --out FILE [--base FILE] [--request-name TEXT]
 * </pre>
 */
public final class ExtractAdditions {

    private ExtractAdditions() {
    }

    private record Pending(String binary, String listing, List<String> members) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path bundlesDir = Path.of(required(options, "--bundles"));
        Path requestFile = Path.of(required(options, "--request"));
        Path out = Path.of(required(options, "--out"));
        BaseList base = options.containsKey("--base") ? BaseList.read(Path.of(options.get("--base"))) : BaseList.empty();

        Bundles bundles = Bundles.read(bundlesDir);
        Names names = new Names(bundles);
        TypeBlocks typeBlocks = new TypeBlocks(bundles, names);
        Request request = Request.read(requestFile);

        Map<String, TypeBlocks.Block> blocks = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Deque<Pending> queue = new ArrayDeque<>();
        for (Request.Entry e : request.entries().values()) {
            String binary = names.binaryOf(e.fqcn());
            if (binary == null || !bundles.contains(binary.replace('.', '/'))) {
                missing.add("missing " + e.fqcn() + " | not present at this revision");
                continue;
            }
            if ("full".equals(base.listing(binary))) {
                throw new IllegalArgumentException(e.fqcn() + " (request line " + e.line() + ") is already listed in full"
                        + " by the base list");
            }
            queue.add(new Pending(binary, e.mode(), e.members()));
        }
        while (!queue.isEmpty()) {
            Pending p = queue.poll();
            if (blocks.containsKey(p.binary())) {
                continue;
            }
            TypeBlocks.Block block = typeBlocks.block(p.binary(), p.listing(), p.members());
            blocks.put(p.binary(), block);
            missing.addAll(block.missing());
            for (String nested : block.nestedApiTypes()) {
                if (!"full".equals(base.listing(nested))) {
                    queue.add(new Pending(nested, "full", List.of()));
                }
            }
        }
        addSupertypeHeaders(blocks, base, bundles, names, typeBlocks);
        Map<String, String> refs = refs(blocks, base, bundles, names, typeBlocks);

        write(out, blocks, missing, refs, bundles, options.getOrDefault("--request-name", requestFile.toString()));
        int members = blocks.values().stream().mapToInt(b -> b.members().size()).sum();
        System.out.printf("%d type blocks (%d requested), %d members, %d missing, %d refs -> %s%n", blocks.size(),
                request.entries().size(), members, missing.size(), refs.size(), out);
    }

    /** Supertypes, bounds and enclosing types of listed blocks that no list describes, as supertype-header blocks. */
    private static void addSupertypeHeaders(Map<String, TypeBlocks.Block> blocks, BaseList base, Bundles bundles,
            Names names, TypeBlocks typeBlocks) {
        boolean added = true;
        while (added) {
            added = false;
            for (TypeBlocks.Block block : new ArrayList<>(blocks.values())) {
                Set<String> needed = new TreeSet<>(block.headerTypes());
                String outer = names.outer(block.binary());
                if (outer != null) {
                    needed.add(outer);
                }
                for (String type : needed) {
                    if (type.equals(block.binary()) || names.isJdk(type) || base.isListed(type) || blocks.containsKey(type)) {
                        continue;
                    }
                    if (!bundles.contains(type.replace('.', '/'))) {
                        throw new IllegalStateException(block.fqcn() + " needs " + type + " in its type line, which is "
                                + "neither in the bundles nor in the JDK");
                    }
                    blocks.put(type, typeBlocks.block(type, "supertype-header", List.of()));
                    added = true;
                }
            }
        }
    }

    /** Non-JDK types that listed members mention but no list describes: canonical name to its ref line. */
    private static Map<String, String> refs(Map<String, TypeBlocks.Block> blocks, BaseList base, Bundles bundles,
            Names names, TypeBlocks typeBlocks) {
        Map<String, String> refs = new TreeMap<>();
        for (TypeBlocks.Block block : blocks.values()) {
            for (String type : block.memberTypes()) {
                if (names.isJdk(type) || base.isListed(type) || blocks.containsKey(type)) {
                    continue;
                }
                String canonical = names.canonical(type);
                ClassNode node = bundles.node(type.replace('.', '/'));
                String kind = node == null ? "?" : typeBlocks.kind(node);
                String bundle = node == null ? "(external)" : bundles.bundleOf(node.name).symbolicName();
                refs.put(canonical, "ref " + canonical + " | " + kind + " | bundle=" + bundle + " binary=" + type);
            }
        }
        return refs;
    }

    private static void write(Path out, Map<String, TypeBlocks.Block> blocks, List<String> missing,
            Map<String, String> refs, Bundles bundles, String requestName) throws IOException {
        Map<String, TypeBlocks.Block> sorted = new TreeMap<>();
        blocks.values().forEach(b -> sorted.put(b.fqcn(), b));
        Map<String, Integer> counts = new HashMap<>();
        sorted.values().forEach(b -> counts.merge(b.listing(), 1, Integer::sum));
        Set<String> usedBundles = new TreeSet<>();
        sorted.values().forEach(b -> usedBundles.add(bundles.bundleOf(b.binary().replace('.', '/')).symbolicName()));
        Map<String, String> versions = bundles.versions();

        List<String> lines = new ArrayList<>();
        lines.add("# KNIME Analytics Platform 5.3: public/protected API signatures the project adds to knime-5.3-api.txt "
                + "(data, not code; same line format)");
        for (String bundle : usedBundles) {
            lines.add("# bundle " + bundle + " " + versions.get(bundle) + ": read from its class files (the real 5.3 "
                    + "bundle, ../shared/knime-runtime/5.3/bundles)");
        }
        lines.add("# extracted with org.ow2.asm:asm 9.9.1 (Maven Central) by knime-api-surface/generator/extract-additions.sh "
                + "from the request " + requestName + "; types described by knime-5.3-api.txt are not repeated");
        int members = sorted.values().stream().mapToInt(b -> b.members().size()).sum();
        lines.add("# listings: " + counts.getOrDefault("full", 0) + " full, " + counts.getOrDefault("header", 0)
                + " header, " + counts.getOrDefault("select", 0) + " select, " + counts.getOrDefault("supertype-header", 0)
                + " supertype-header; " + refs.size() + " ref lines");
        lines.add("# types: " + sorted.size() + ", members: " + members + ", missing: " + missing.size());
        for (TypeBlocks.Block b : sorted.values()) {
            lines.add("");
            lines.add(b.typeLine());
            b.members().forEach(m -> lines.add(m.line()));
        }
        if (!missing.isEmpty() || !refs.isEmpty()) {
            lines.add("");
        }
        lines.addAll(missing);
        lines.addAll(refs.values());
        Files.writeString(out, String.join("\n", lines) + "\n");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: ExtractAdditions --bundles DIR --request FILE --out FILE "
                        + "[--base FILE] [--request-name TEXT]");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing option " + name);
        }
        return value;
    }
}
