package org.gfe.knime.apisurface;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Collects every reference a class file makes to a type, field or method under a package prefix (e.g.
 * {@code org/knime/}): supertypes, descriptors, generic signatures, throws clauses, annotations, and in code every
 * type, field, method, method-handle and constant reference.
 */
public final class KnimeReferences {

    /** Kind of reference. */
    public enum Kind { TYPE, FIELD, METHOD }

    /**
     * One reference: {@code owner} is a binary name; {@code key} is the list's erased key for fields/methods
     * ({@code name:T}, {@code name(P)R}, {@code <init>(P)}), empty for types; {@code from} names the referring class.
     */
    public record Reference(Kind kind, String owner, String key, String from) {
        @Override
        public String toString() {
            return kind == Kind.TYPE ? "type " + owner + " (used in " + from + ")"
                    : kind.name().toLowerCase() + " " + owner + "." + key + " (used in " + from + ")";
        }
    }

    private KnimeReferences() {
    }

    /** References under {@code prefix} (internal form, e.g. {@code org/knime/}) made by the given classes. */
    public static Set<Reference> scan(Map<String, byte[]> classes, String prefix) {
        Set<Reference> refs = new LinkedHashSet<>();
        for (byte[] bytes : classes.values()) {
            new ClassReader(bytes).accept(new Scanner(prefix, refs), 0);
        }
        return refs;
    }

    private static final class Scanner extends ClassVisitor {
        private final String prefix;
        private final Set<Reference> refs;
        private String from;

        Scanner(String prefix, Set<Reference> refs) {
            super(Opcodes.ASM9);
            this.prefix = prefix;
            this.refs = refs;
        }

        void type(String internalOrDesc) {
            if (internalOrDesc == null) {
                return;
            }
            Type t = internalOrDesc.startsWith("[") || internalOrDesc.endsWith(";") && internalOrDesc.startsWith("L")
                    ? Type.getType(internalOrDesc) : Type.getObjectType(internalOrDesc);
            if (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            if (t.getSort() == Type.OBJECT && t.getInternalName().startsWith(prefix)) {
                refs.add(new Reference(Kind.TYPE, t.getClassName(), "", from));
            }
        }

        void descriptor(String desc) {
            Type t = Type.getType(desc);
            if (t.getSort() == Type.METHOD) {
                for (Type a : t.getArgumentTypes()) {
                    type(a.getDescriptor());
                }
                type(t.getReturnType().getDescriptor());
            } else {
                type(desc);
            }
        }

        void signature(String signature) {
            if (signature == null) {
                return;
            }
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                private String current;

                @Override
                public void visitClassType(String name) {
                    current = name;
                    type(name);
                }

                @Override
                public void visitInnerClassType(String name) {
                    current = current + "$" + name;
                    type(current);
                }
            });
        }

        void member(Kind kind, String owner, String name, String desc) {
            Type o = owner.startsWith("[") ? Type.getType(owner).getElementType() : Type.getObjectType(owner);
            type(o.getDescriptor());
            descriptor(desc);
            if (o.getSort() == Type.OBJECT && o.getInternalName().startsWith(prefix) && !owner.startsWith("[")) {
                refs.add(new Reference(kind, o.getClassName(), kind == Kind.FIELD
                        ? name + ":" + Type.getType(desc).getClassName() : methodKey(name, desc), from));
            }
        }

        void handle(Handle h) {
            Kind kind = h.getTag() <= Opcodes.H_PUTSTATIC ? Kind.FIELD : Kind.METHOD;
            member(kind, h.getOwner(), h.getName(), h.getDesc());
        }

        void constant(Object value) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    descriptor(t.getDescriptor());
                } else {
                    type(t.getDescriptor());
                }
            } else if (value instanceof Handle h) {
                handle(h);
            } else if (value instanceof ConstantDynamic c) {
                descriptor(c.getDescriptor());
                handle(c.getBootstrapMethod());
                for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
                    constant(c.getBootstrapMethodArgument(i));
                }
            }
        }

        AnnotationVisitor annotation(String desc) {
            type(desc);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visitEnum(String name, String enumDesc, String value) {
                    type(enumDesc);
                }

                @Override
                public void visit(String name, Object value) {
                    constant(value);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String name, String d) {
                    return annotation(d);
                }

                @Override
                public AnnotationVisitor visitArray(String name) {
                    return this;
                }
            };
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            from = name.replace('/', '.');
            type(superName);
            if (interfaces != null) {
                for (String i : interfaces) {
                    type(i);
                }
            }
            signature(signature);
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            type(name);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            type(owner);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
            descriptor(desc);
            signature(signature);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    return annotation(d);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
            descriptor(desc);
            signature(signature);
            if (exceptions != null) {
                for (String e : exceptions) {
                    type(e);
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String d, boolean visible) {
                    return annotation(d);
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String d, boolean visible) {
                    return annotation(d);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDesc) {
                    member(Kind.FIELD, owner, fieldName, fieldDesc);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String methodName, String methodDesc, boolean itf) {
                    member(Kind.METHOD, owner, methodName, methodDesc);
                }

                @Override
                public void visitInvokeDynamicInsn(String indyName, String indyDesc, Handle bsm, Object... args) {
                    descriptor(indyDesc);
                    handle(bsm);
                    for (Object a : args) {
                        constant(a);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    constant(value);
                }

                @Override
                public void visitMultiANewArrayInsn(String d, int dims) {
                    type(d);
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    type(type);
                }

                @Override
                public void visitLocalVariable(String lvName, String lvDesc, String lvSignature, Label start, Label end, int index) {
                    descriptor(lvDesc);
                    signature(lvSignature);
                }
            };
        }
    }

    static String methodKey(String name, String desc) {
        List<String> params = new ArrayList<>();
        for (Type a : Type.getArgumentTypes(desc)) {
            params.add(a.getClassName());
        }
        String key = name + "(" + String.join(",", params) + ")";
        return name.equals("<init>") ? key : key + Type.getReturnType(desc).getClassName();
    }
}
