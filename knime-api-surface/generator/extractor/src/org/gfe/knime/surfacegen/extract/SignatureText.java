package org.gfe.knime.surfacegen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.Type;

/**
 * Renders descriptors and generic signatures (JVMS 4.7.9.1) in the list's Java-like style: canonical names,
 * {@code ? extends X}, {@code <T extends A & B>} (an {@code Object} bound is left out), arguments joined by
 * {@code ", "}. Every class type it renders is reported to a consumer (binary name), so callers learn which types a
 * declaration mentions.
 */
final class SignatureText {

    /** A method's parts in list style; {@code typeParams} is empty or {@code <...>}. */
    record MethodText(String typeParams, List<String> params, String returnType, List<String> throwsTypes) {
    }

    /** A class header in list style. */
    record ClassText(String typeParams, String superclass, List<String> interfaces) {
    }

    private final Names names;
    private Consumer<String> mentioned = b -> { };
    private String text;
    private int pos;

    SignatureText(Names names) {
        this.names = names;
    }

    /** Reports the binary name of every class type rendered from now on (until replaced). */
    void onType(Consumer<String> consumer) {
        mentioned = consumer;
    }

    MethodText method(String desc, String signature, List<String> exceptions) {
        List<String> thrown = new ArrayList<>();
        if (signature == null) {
            List<String> params = new ArrayList<>();
            for (Type t : Type.getArgumentTypes(desc)) {
                params.add(erasure(t));
            }
            exceptions.forEach(e -> thrown.add(className(e.replace('/', '.'))));
            return new MethodText("", params, erasure(Type.getReturnType(desc)), thrown);
        }
        start(signature);
        String typeParams = peek('<') ? typeParams() : "";
        expect('(');
        List<String> params = new ArrayList<>();
        while (!peek(')')) {
            params.add(type());
        }
        expect(')');
        String result = type();
        while (peek('^')) {
            pos++;
            thrown.add(type());
        }
        if (thrown.isEmpty()) {
            exceptions.forEach(e -> thrown.add(className(e.replace('/', '.'))));
        }
        if (params.size() != Type.getArgumentTypes(desc).length) {
            throw new IllegalStateException("signature " + signature + " has another parameter count than " + desc
                    + " (constructor of an inner class?): not supported");
        }
        return new MethodText(typeParams, params, result, thrown);
    }

    ClassText type(String signature, String superName, List<String> interfaces) {
        if (signature == null) {
            return new ClassText("", superName == null ? null : className(superName.replace('/', '.')),
                    interfaces.stream().map(i -> className(i.replace('/', '.'))).toList());
        }
        start(signature);
        String typeParams = peek('<') ? typeParams() : "";
        String superclass = type();
        List<String> result = new ArrayList<>();
        while (pos < text.length()) {
            result.add(type());
        }
        return new ClassText(typeParams, superclass, result);
    }

    String field(String desc, String signature) {
        if (signature == null) {
            return erasure(Type.getType(desc));
        }
        start(signature);
        return type();
    }

    /** The list's erased form of a descriptor type: binary names, {@code []} for arrays. */
    static String erasedName(Type t) {
        return t.getClassName();
    }

    /** {@code name(P1,P2)R}, or {@code <init>(P1,P2)} for constructors. */
    static String erased(String name, String desc) {
        StringBuilder sb = new StringBuilder(name).append('(');
        Type[] args = Type.getArgumentTypes(desc);
        for (int i = 0; i < args.length; i++) {
            sb.append(i > 0 ? "," : "").append(erasedName(args[i]));
        }
        sb.append(')');
        return name.equals("<init>") ? sb.toString() : sb.append(erasedName(Type.getReturnType(desc))).toString();
    }

    private String erasure(Type t) {
        if (t.getSort() == Type.ARRAY) {
            return erasure(t.getElementType()) + "[]".repeat(t.getDimensions());
        }
        return t.getSort() == Type.OBJECT ? className(t.getClassName()) : t.getClassName();
    }

    private String className(String binary) {
        mentioned.accept(binary);
        return names.canonical(binary);
    }

    private void start(String signature) {
        text = signature;
        pos = 0;
    }

    private String typeParams() {
        expect('<');
        List<String> params = new ArrayList<>();
        while (!peek('>')) {
            int colon = text.indexOf(':', pos);
            String name = text.substring(pos, colon);
            pos = colon;
            List<String> bounds = new ArrayList<>();
            while (peek(':')) {
                pos++;
                if (!peek(':')) {
                    bounds.add(type());
                }
            }
            bounds.removeAll(Set.of("java.lang.Object"));
            params.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
        }
        expect('>');
        return "<" + String.join(", ", params) + ">";
    }

    private String type() {
        char c = text.charAt(pos++);
        switch (c) {
            case 'L':
                return classType();
            case 'T': {
                int end = text.indexOf(';', pos);
                String var = text.substring(pos, end);
                pos = end + 1;
                return var;
            }
            case '[':
                return type() + "[]";
            default:
                return Type.getType(String.valueOf(c)).getClassName();
        }
    }

    /** {@code Lpkg/Outer<TT;>.Inner;}: nested segments join with '$'; arguments on an outer segment are kept. */
    private String classType() {
        List<String> segments = new ArrayList<>();
        List<String> args = new ArrayList<>();
        while (true) {
            int start = pos;
            while (!peek('<') && !peek(';') && !peek('.')) {
                pos++;
            }
            segments.add(text.substring(start, pos).replace('/', '.'));
            args.add(peek('<') ? typeArgs() : "");
            if (peek('.')) {
                pos++;
            } else {
                expect(';');
                break;
            }
        }
        int lastOuterWithArgs = -1;
        for (int i = 0; i < segments.size() - 1; i++) {
            if (!args.get(i).isEmpty()) {
                lastOuterWithArgs = i;
            }
        }
        int head = lastOuterWithArgs < 0 ? segments.size() - 1 : lastOuterWithArgs;
        String headBinary = String.join("$", segments.subList(0, head + 1));
        StringBuilder result = new StringBuilder(className(headBinary)).append(args.get(head));
        for (int i = head + 1; i < segments.size(); i++) {
            mentioned.accept(String.join("$", segments.subList(0, i + 1)));
            result.append('.').append(segments.get(i)).append(args.get(i));
        }
        return result.toString();
    }

    private String typeArgs() {
        expect('<');
        List<String> args = new ArrayList<>();
        while (!peek('>')) {
            char c = text.charAt(pos);
            if (c == '*') {
                pos++;
                args.add("?");
            } else if (c == '+') {
                pos++;
                args.add("? extends " + type());
            } else if (c == '-') {
                pos++;
                args.add("? super " + type());
            } else {
                args.add(type());
            }
        }
        expect('>');
        return "<" + String.join(", ", args) + ">";
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("bad signature '" + text + "': expected '" + c + "' at " + pos);
        }
        pos++;
    }
}
