package org.gfe.knime.surfacegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Computes the list's erased form ({@code name(P1,P2)R}, {@code <init>(P)}, {@code name:T}, binary names) from a
 * parsed declaration. The generator checks it against every listed member, so a misread declaration fails loudly.
 */
final class Erasures {

    private final TypeUniverse universe;

    Erasures(TypeUniverse universe) {
        this.universe = universe;
    }

    String erased(TypeInfo owner, String kind, Declaration d) {
        Map<String, JType.TypeParam> vars = new HashMap<>();
        d.typeParams().forEach(p -> vars.put(p.name(), p));
        java.util.function.Function<String, JType.TypeParam> bounds = v -> vars.containsKey(v) ? vars.get(v) : owner.typeParam(v);
        return switch (kind) {
            case "field" -> d.name() + ":" + binary(JType.erasure(d.type(), bounds));
            case "constructor" -> "<init>" + params(d.params(), bounds);
            case "method" -> d.name() + params(d.params(), bounds) + binary(JType.erasure(d.type(), bounds));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String params(List<JType> params, java.util.function.Function<String, JType.TypeParam> bounds) {
        return params.stream().map(p -> binary(JType.erasure(p, bounds))).collect(Collectors.joining(",", "(", ")"));
    }

    private String binary(String erasure) {
        if (erasure.endsWith("[]")) {
            return binary(erasure.substring(0, erasure.length() - 2)) + "[]";
        }
        return JType.PRIMITIVES.contains(erasure) ? erasure : universe.binaryName(erasure);
    }

    /** The declaration in the list's style (no parameter names, varargs as {@code X...}). */
    static String listStyle(Declaration d) {
        StringBuilder sb = new StringBuilder(String.join(" ", d.modifiers()));
        if (!d.typeParams().isEmpty()) {
            sb.append(' ').append(JType.renderParams(d.typeParams()));
        }
        if (d.type() != null) {
            sb.append(' ').append(d.type().render());
        }
        sb.append(' ').append(d.name()).append('(');
        for (int i = 0; i < d.params().size(); i++) {
            JType p = d.params().get(i);
            sb.append(i > 0 ? ", " : "").append(d.varargs() && i == d.params().size() - 1
                    ? ((JType.ArrayOf) p).component().render() + "..." : p.render());
        }
        sb.append(')');
        if (!d.throwsList().isEmpty()) {
            sb.append(" throws ").append(d.throwsList().stream().map(JType::render).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }
}
