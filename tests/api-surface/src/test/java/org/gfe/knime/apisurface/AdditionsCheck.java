package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every line of the additions list (knime-5.3-additions.txt) against the real KNIME 5.3 class files:
 * <ul>
 * <li>type and member lines: {@link SignatureComparison#realClassMismatches()} (shape and completeness), plus the
 * {@code bundle=} flag against the bundle the class comes from;</li>
 * <li>{@code ref} lines: the kind and bundle of the class ({@code ?}/{@code (external)} only if no bundle has it);</li>
 * <li>{@code missing} lines: the member really is absent ("not present") or not public/protected.</li>
 * </ul>
 */
final class AdditionsCheck {

    private AdditionsCheck() {
    }

    static List<String> problems(List<String> additionLines, Real53Bundles.Classes real) {
        SignatureList additions = SignatureList.parse(additionLines);
        List<String> out = new ArrayList<>(new SignatureComparison(additions, real.shapes()).realClassMismatches());
        for (String line : additionLines) {
            String[] f = line.split(" \\| ", -1);
            if (line.startsWith("type ")) {
                String binary = SignatureList.flags(f[6]).get("binary");
                String bundle = SignatureList.flags(f[6]).get("bundle");
                String actual = real.bundleOf().get(binary);
                if (actual != null && !actual.equals(bundle)) {
                    out.add(f[0].substring(5) + ": listed with bundle=" + bundle + " but the class is in bundle " + actual);
                }
            } else if (line.startsWith("ref ")) {
                ref(f, real, out);
            } else if (line.startsWith("missing ")) {
                missing(f, real, out);
            }
        }
        return out;
    }

    private static void ref(String[] f, Real53Bundles.Classes real, List<String> out) {
        String fqcn = f[0].substring(4);
        Map<String, String> flags = SignatureList.flags(f[2]);
        String binary = flags.get("binary");
        ClassShape c = real.shapes().get(binary);
        if (c == null) {
            if (!f[1].equals("?") || !"(external)".equals(flags.get("bundle"))) {
                out.add("ref " + fqcn + ": no class " + binary + " in the real bundles, so it must be '? | bundle=(external)'");
            }
            return;
        }
        if (!ShapeText.kind(c).equals(f[1])) {
            out.add("ref " + fqcn + ": kind differs: list has [" + f[1] + "], class file has [" + ShapeText.kind(c) + "]");
        }
        if (!real.bundleOf().get(binary).equals(flags.get("bundle"))) {
            out.add("ref " + fqcn + ": bundle differs: list has [" + flags.get("bundle") + "], class is in ["
                    + real.bundleOf().get(binary) + "]");
        }
    }

    /** {@code missing a.b.Type.member(p.T) | not present at this revision} (or not public or protected). */
    private static void missing(String[] f, Real53Bundles.Classes real, List<String> out) {
        String what = f[0].substring("missing ".length());
        String reason = f.length > 1 ? f[1] : "";
        int paren = what.indexOf('(');
        int dot = (paren < 0 ? what : what.substring(0, paren)).lastIndexOf('.');
        ClassShape owner = real.shapes().get(binaryOf(what.substring(0, dot), real));
        if (owner == null) {
            if (real.shapes().get(binaryOf(what, real)) != null) {
                out.add("missing " + what + ": the type exists in the real bundles");
            }
            return; // a missing type
        }
        String member = what.substring(dot + 1);
        String name = paren < 0 ? member : member.substring(0, member.indexOf('('));
        String params = paren < 0 ? null : member.substring(member.indexOf('('));
        boolean declared = false;
        boolean api = false;
        for (ClassShape.Method m : owner.methods()) {
            String key = ShapeText.erased(m);
            String mName = m.isConstructor() ? simpleName(owner.binary()) : m.name();
            if (mName.equals(name) && (params == null || key.substring(key.indexOf('(')).startsWith(params))) {
                declared = true;
                api |= ClassShape.isApi(m.access());
            }
        }
        for (ClassShape.Field fd : owner.fields()) {
            if (fd.name().equals(name) && params == null) {
                declared = true;
                api |= ClassShape.isApi(fd.access());
            }
        }
        if (api) {
            out.add("missing " + what + ": it is public/protected in the real class");
        } else if (declared != reason.startsWith("not public or protected")) {
            out.add("missing " + what + ": says [" + reason + "] but the real class " + (declared ? "declares" : "lacks") + " it");
        }
    }

    private static String binaryOf(String canonical, Real53Bundles.Classes real) {
        String candidate = canonical;
        while (!real.shapes().containsKey(candidate)) {
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return canonical;
            }
            candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
        }
        return candidate;
    }

    private static String simpleName(String binary) {
        String simple = binary.substring(binary.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
