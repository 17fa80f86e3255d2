package org.gfe.knime.surfacegen;

import java.util.Map;

/** One {@code member} line of the signature list: owner, kind, Java-like declaration, erasure and flags. */
record ListedMember(String owner, String kind, String declaration, String erased, Map<String, String> flags) {

    boolean is(String memberKind) {
        return kind.equals(memberKind);
    }

    String flag(String name) {
        return flags.get(name);
    }
}
