package org.gfe.knime.surfacegen;

/** A {@code ref} line: a type used in a listed signature but not listed itself (kind {@code ?} if external). */
record RefType(String fqcn, String kind, String bundle, String binary) {

    boolean external() {
        return bundle.equals("(external)");
    }
}
