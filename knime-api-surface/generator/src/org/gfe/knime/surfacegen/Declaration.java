package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed member declaration of the list, e.g. {@code public static <T> java.util.List<T> of(T...) throws X}.
 * {@code type} is the return or field type (null for constructors); {@code varargs} marks a trailing {@code X...}.
 */
record Declaration(List<String> modifiers, List<JType.TypeParam> typeParams, JType type, String name,
        List<JType> params, boolean varargs, List<JType> throwsList) {

    private static final Set<String> MODIFIERS =
            Set.of("public", "protected", "private", "abstract", "static", "final", "default");

    boolean has(String modifier) {
        return modifiers.contains(modifier);
    }

    String access() {
        return has("public") ? "public" : has("protected") ? "protected" : has("private") ? "private" : "";
    }

    static Declaration parse(String kind, String text) {
        List<String> modifiers = new ArrayList<>();
        String rest = text.trim();
        while (true) {
            int space = rest.indexOf(' ');
            if (space > 0 && MODIFIERS.contains(rest.substring(0, space))) {
                modifiers.add(rest.substring(0, space));
                rest = rest.substring(space + 1);
            } else {
                break;
            }
        }
        List<JType.TypeParam> typeParams = List.of();
        if (rest.startsWith("<")) {
            int end = matchingAngle(rest);
            typeParams = TypeParser.parseTypeParams(rest.substring(0, end + 1));
            rest = rest.substring(end + 1).trim();
        }
        switch (kind) {
            case "field", "enumconstant" -> {
                int space = rest.lastIndexOf(' ');
                return new Declaration(modifiers, typeParams, TypeParser.parse(rest.substring(0, space)),
                        rest.substring(space + 1), List.of(), false, List.of());
            }
            case "method", "constructor" -> {
                int open = rest.indexOf('(');
                int close = matchingParen(rest, open);
                String head = rest.substring(0, open).trim();
                int space = head.lastIndexOf(' ');
                JType returnType = kind.equals("method") ? TypeParser.parse(head.substring(0, space)) : null;
                String name = kind.equals("method") ? head.substring(space + 1) : head;
                List<JType> params = new ArrayList<>();
                boolean varargs = false;
                for (String p : TypeParser.splitTopLevel(rest.substring(open + 1, close), ',')) {
                    if (p.endsWith("...")) {
                        varargs = true;
                        params.add(new JType.ArrayOf(TypeParser.parse(p.substring(0, p.length() - 3))));
                    } else {
                        params.add(TypeParser.parse(p));
                    }
                }
                String tail = rest.substring(close + 1).trim();
                List<JType> throwsList = tail.isEmpty() ? List.of() : TypeParser.parseList(tail.substring("throws ".length()));
                return new Declaration(modifiers, typeParams, returnType, name, params, varargs, throwsList);
            }
            default -> throw new IllegalArgumentException("no declaration parser for member kind " + kind);
        }
    }

    private static int matchingAngle(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '<') {
                depth++;
            } else if (s.charAt(i) == '>' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced <> in " + s);
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced () in " + s);
    }
}
