package org.gfe.knime.surfacegen;

import java.util.List;
import java.util.Map;

/**
 * One {@code type} block of the signature list. {@code fqcn} is the canonical name ({@code Outer.Inner});
 * {@code superclass}/{@code interfaces} are the texts of the extends/implements fields ({@code -} for none).
 */
record ListedType(String fqcn, String kind, String modifiers, String typeParams, String extendsText,
        String implementsText, Map<String, String> flags, List<ListedMember> members) {

    String binary() {
        return flags.get("binary");
    }

    String listing() {
        return flags.get("listing");
    }

    /** True if the list gives every public/protected member; otherwise the surface may need unlisted ones. */
    boolean complete() {
        return "full".equals(listing());
    }

    boolean isInterface() {
        return kind.equals("interface");
    }

    boolean isEnum() {
        return kind.equals("enum");
    }

    boolean isRecord() {
        return kind.equals("record");
    }

    boolean isAbstract() {
        return isInterface() || kind.equals("abstract class");
    }

    String deprecated() {
        return flags.getOrDefault("deprecated", "no");
    }
}
