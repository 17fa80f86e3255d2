package org.gfe.knime.surfacegen.extract;

/** A ConstantValue as the list's Java literal: {@code -1}, {@code "text"}, {@code 1L}, {@code 2.0f}, {@code true}. */
final class Literals {

    private Literals() {
    }

    static String literal(String desc, Object value) {
        switch (desc) {
            case "Z":
                return ((Integer) value) != 0 ? "true" : "false";
            case "C":
                return "'" + escape(String.valueOf((char) (int) (Integer) value), '\'') + "'";
            case "J":
                return value + "L";
            case "F":
                return value + "f";
            case "Ljava/lang/String;":
                return "\"" + escape((String) value, '"') + "\"";
            default:
                return String.valueOf(value);
        }
    }

    /** Java escapes, and {@code |} as {@code \u007c} (the list's field separator). */
    private static String escape(String s, char quote) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '|' -> sb.append("\\u007c");
                default -> {
                    if (c == quote) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
