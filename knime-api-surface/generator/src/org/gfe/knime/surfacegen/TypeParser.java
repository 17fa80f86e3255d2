package org.gfe.knime.surfacegen;

import java.util.ArrayList;
import java.util.List;

/** Parses the type texts of the signature list into {@link JType}s. */
final class TypeParser {

    private final String text;
    private int pos;

    private TypeParser(String text) {
        this.text = text;
    }

    static JType parse(String text) {
        TypeParser p = new TypeParser(text.trim());
        JType type = p.type();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("trailing text in type '" + text + "' at " + p.pos);
        }
        return type;
    }

    /** Parses {@code <A extends X & Y, B>} (or {@code -} / empty for none). */
    static List<JType.TypeParam> parseTypeParams(String text) {
        String t = text.trim();
        List<JType.TypeParam> result = new ArrayList<>();
        if (t.isEmpty() || t.equals("-")) {
            return result;
        }
        if (!t.startsWith("<") || !t.endsWith(">")) {
            throw new IllegalArgumentException("not a type parameter list: " + text);
        }
        for (String part : splitTopLevel(t.substring(1, t.length() - 1), ',')) {
            String p = part.trim();
            int space = p.indexOf(' ');
            if (space < 0) {
                result.add(new JType.TypeParam(p, List.of()));
            } else {
                String rest = p.substring(space + 1);
                if (!rest.startsWith("extends ")) {
                    throw new IllegalArgumentException("bad type parameter: " + p);
                }
                List<JType> bounds = new ArrayList<>();
                for (String b : splitTopLevel(rest.substring(8), '&')) {
                    bounds.add(parse(b));
                }
                result.add(new JType.TypeParam(p.substring(0, space), bounds));
            }
        }
        return result;
    }

    /** Parses a comma-separated list of types ({@code -} or empty for none). */
    static List<JType> parseList(String text) {
        List<JType> result = new ArrayList<>();
        if (text.isBlank() || text.trim().equals("-")) {
            return result;
        }
        for (String part : splitTopLevel(text, ',')) {
            result.add(parse(part));
        }
        return result;
    }

    /** Splits at {@code separator} outside angle brackets and parentheses. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    private JType type() {
        JType base;
        if (peek('?')) {
            pos++;
            skipSpaces();
            if (text.startsWith("extends ", pos)) {
                pos += 8;
                base = new JType.Wildcard("extends", type());
            } else if (text.startsWith("super ", pos)) {
                pos += 6;
                base = new JType.Wildcard("super", type());
            } else {
                base = new JType.Wildcard(null, null);
            }
            return base;
        }
        String name = qualifiedName();
        if (JType.PRIMITIVES.contains(name)) {
            base = new JType.Primitive(name);
        } else if (peek('<')) {
            pos++;
            List<JType> args = new ArrayList<>();
            while (true) {
                skipSpaces();
                args.add(type());
                skipSpaces();
                if (peek(',')) {
                    pos++;
                } else if (peek('>')) {
                    pos++;
                    break;
                } else {
                    throw new IllegalArgumentException("bad type arguments in '" + text + "' at " + pos);
                }
            }
            base = new JType.ClassRef(name, args);
        } else if (name.indexOf('.') < 0) {
            base = new JType.TypeVar(name);
        } else {
            base = new JType.ClassRef(name, List.of());
        }
        while (text.startsWith("[]", pos)) {
            pos += 2;
            base = new JType.ArrayOf(base);
        }
        return base;
    }

    private String qualifiedName() {
        int start = pos;
        while (pos < text.length() && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            if (text.startsWith("...", pos)) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a type name in '" + text + "' at " + pos);
        }
        return text.substring(start, pos);
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (peek(' ')) {
            pos++;
        }
    }
}
