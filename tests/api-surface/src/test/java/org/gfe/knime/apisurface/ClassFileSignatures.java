package org.gfe.knime.apisurface;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Reads class files into {@link ClassShape}s (signatures only; method bodies are skipped). */
public final class ClassFileSignatures {

    private ClassFileSignatures() {
    }

    /** Binary name to shape, for every class under {@code prefix} in a directory or jar. */
    public static Map<String, ClassShape> read(Path root, String prefix) {
        return read(ClassFiles.read(root, prefix));
    }

    public static Map<String, ClassShape> read(Map<String, byte[]> classes) {
        Map<String, ClassShape> shapes = new TreeMap<>();
        for (byte[] bytes : classes.values()) {
            ClassShape shape = shape(bytes);
            shapes.put(shape.binary(), shape);
        }
        return shapes;
    }

    public static ClassShape shape(byte[] bytes) {
        Collector c = new Collector();
        new ClassReader(bytes).accept(c, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return new ClassShape(c.name, c.access, c.innerAccess, c.outer, c.superName, c.interfaces, c.signature,
                c.fields, c.methods, c.nested);
    }

    private static String binary(String internal) {
        return internal == null ? null : internal.replace('/', '.');
    }

    private static final class Collector extends ClassVisitor {
        String name;
        String internalName;
        int access;
        Integer innerAccess;
        String outer;
        String superName;
        List<String> interfaces;
        String signature;
        final List<ClassShape.Field> fields = new ArrayList<>();
        final List<ClassShape.Method> methods = new ArrayList<>();
        final List<ClassShape.Nested> nested = new ArrayList<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.internalName = name;
            this.name = binary(name);
            this.access = access;
            this.signature = signature;
            this.superName = binary(superName);
            this.interfaces = interfaces == null ? List.of() : Arrays.stream(interfaces).map(ClassFileSignatures::binary).toList();
        }

        @Override
        public void visitInnerClass(String inner, String outerName, String innerName, int access) {
            if (inner.equals(internalName)) {
                innerAccess = access;
                outer = binary(outerName);
            } else if (internalName.equals(outerName)) {
                nested.add(new ClassShape.Nested(binary(inner), access));
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
            fields.add(new ClassShape.Field(access, name, desc, signature, value));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            methods.add(new ClassShape.Method(access, name, desc, signature,
                    exceptions == null ? List.of() : Arrays.stream(exceptions).map(ClassFileSignatures::binary).toList()));
            return null;
        }
    }
}
