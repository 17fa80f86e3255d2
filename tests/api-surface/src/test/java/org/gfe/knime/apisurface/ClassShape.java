package org.gfe.knime.apisurface;

import java.util.List;
import org.objectweb.asm.Opcodes;

/**
 * What a class file says about a type's linkable shape. Names are binary ({@code a.b.Outer$Inner}).
 * {@code innerAccess} is the access of the type's own InnerClasses entry (null for top-level types): it carries the
 * source-level protected/private/static that the class access flags cannot.
 */
public record ClassShape(String binary, int access, Integer innerAccess, String outer, String superName,
        List<String> interfaces, String signature, List<Field> fields, List<Method> methods, List<Nested> nested) {

    public record Field(int access, String name, String desc, String signature, Object value) {
    }

    public record Method(int access, String name, String desc, String signature, List<String> exceptions) {
        public boolean isConstructor() {
            return name.equals("<init>");
        }
    }

    /** A member type named in this class's InnerClasses attribute, with its source-level access. */
    public record Nested(String binary, int access) {
    }

    public boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    public boolean isEnum() {
        return (access & Opcodes.ACC_ENUM) != 0;
    }

    public boolean isRecord() {
        return (access & Opcodes.ACC_RECORD) != 0 || "java.lang.Record".equals(superName);
    }

    /** Source-level access and modifiers: the InnerClasses entry for nested types, else the class flags. */
    public int sourceAccess() {
        return innerAccess != null ? innerAccess : access;
    }

    /** Visible outside the package: public or protected (source level). */
    public boolean isApi() {
        return (sourceAccess() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
    }

    static boolean isApi(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
                && (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) == 0;
    }
}
