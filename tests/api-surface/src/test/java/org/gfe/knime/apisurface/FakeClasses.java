package org.gfe.knime.apisurface;

import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Writes tiny class files with ASM for the detection tests: they can reference KNIME members that exist in no jar
 * (e.g. 5.5 additions), which javac against the surface could never compile.
 */
final class FakeClasses {

    private FakeClasses() {
    }

    /** A public class with a static method {@code use()} whose code is {@code body} followed by RETURN. */
    static byte[] caller(String internalName, Consumer<MethodVisitor> body) {
        return type(internalName, Opcodes.ACC_PUBLIC, "java/lang/Object", cw -> {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "use", "()V", null, null);
            mv.visitCode();
            body.accept(mv);
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        });
    }

    /** A class with the given access and superclass; {@code members} adds fields and (body-less) methods. */
    static byte[] type(String internalName, int access, String superName, Consumer<ClassWriter> members) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, access | Opcodes.ACC_SUPER, internalName, null, superName, null);
        members.accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Adds a method (or constructor) whose body just throws null: only its shape matters here. */
    static void method(ClassWriter cw, int access, String name, String desc) {
        MethodVisitor mv = cw.visitMethod(access, name, desc, null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
