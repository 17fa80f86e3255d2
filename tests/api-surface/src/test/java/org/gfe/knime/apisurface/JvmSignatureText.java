package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/**
 * Renders JVM descriptors and generic signatures (JVMS 4.7.9.1) in the list's Java-like style:
 * canonical names, {@code ? extends X}, {@code <T extends A & B>}, arguments separated by {@code ", "}.
 */
public final class JvmSignatureText {

    /** A method's generic parts in list style. {@code typeParams} is empty or {@code <...>}. */
    public record MethodText(String typeParams, List<String> params, String returnType, List<String> throwsTypes) {
    }

    /** A class's generic header in list style. */
    public record ClassText(String typeParams, String superclass, List<String> interfaces) {
    }

    private final TypeNames names;
    private String text;
    private int pos;

    public JvmSignatureText(TypeNames names) {
        this.names = names;
    }

    public MethodText method(String desc, String signature, List<String> exceptions) {
        if (signature == null) {
            List<String> params = new ArrayList<>();
            for (Type t : Type.getArgumentTypes(desc)) {
                params.add(erasure(t));
            }
            return new MethodText("", params, erasure(Type.getReturnType(desc)),
                    exceptions.stream().map(names::canonical).toList());
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
        List<String> throwsTypes = new ArrayList<>();
        while (peek('^')) {
            pos++;
            throwsTypes.add(type());
        }
        if (throwsTypes.isEmpty()) {
            throwsTypes.addAll(exceptions.stream().map(names::canonical).toList());
        }
        return new MethodText(typeParams, params, result, throwsTypes);
    }

    public ClassText type(String signature, String superName, List<String> interfaces) {
        if (signature == null) {
            return new ClassText("", superName == null ? null : names.canonical(superName),
                    interfaces.stream().map(names::canonical).toList());
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

    public String field(String desc, String signature) {
        if (signature == null) {
            return erasure(Type.getType(desc));
        }
        start(signature);
        return type();
    }

    /** The list's erased form of a descriptor type: binary names, {@code []} for arrays. */
    public static String erasedName(Type t) {
        return t.getClassName();
    }

    private String erasure(Type t) {
        if (t.getSort() == Type.ARRAY) {
            return erasure(t.getElementType()) + "[]".repeat(t.getDimensions());
        }
        return t.getSort() == Type.OBJECT ? names.canonical(t.getClassName()) : t.getClassName();
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
            bounds.remove("java.lang.Object");
            params.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
        }
        expect('>');
        return params.stream().collect(Collectors.joining(", ", "<", ">"));
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
        StringBuilder result = new StringBuilder(names.canonical(String.join("$", segments.subList(0, head + 1))))
                .append(args.get(head));
        for (int i = head + 1; i < segments.size(); i++) {
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
