package org.gfe.knime.surfacegen.extract;

import java.util.List;
import java.util.Optional;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;

/**
 * What the list says about records, told from class files: equals/hashCode/toString generated through
 * {@code java.lang.runtime.ObjectMethods} are left out, accessors the compiler generated are {@code implicit} (their
 * code is attributed to the line of the record header), and a compact canonical constructor ({@code compact}) assigns
 * all fields at its end, on its last line.
 */
final class Records {

    private Records() {
    }

    static boolean isGeneratedObjectMethod(MethodNode m) {
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof InvokeDynamicInsnNode indy) {
                Handle bsm = indy.bsm;
                if (bsm.getOwner().equals("java/lang/runtime/ObjectMethods")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isImplicitAccessor(ClassNode cn, MethodNode m) {
        if (cn.recordComponents == null || !m.desc.startsWith("()")) {
            return false;
        }
        boolean component = cn.recordComponents.stream().anyMatch(c -> c.name.equals(m.name));
        List<Integer> lines = TypeBlocks.lines(m);
        if (!component || lines.isEmpty()) {
            return false;
        }
        return lines.get(0) <= headerLine(cn);
    }

    /** The record header line: the smallest line of any accessor (generated accessors are attributed to it). */
    private static int headerLine(ClassNode cn) {
        int min = Integer.MAX_VALUE;
        for (MethodNode m : cn.methods) {
            if (!isGeneratedObjectMethod(m) && !m.name.equals("<init>") && !m.name.equals("<clinit>")) {
                for (int line : TypeBlocks.lines(m)) {
                    min = Math.min(min, line);
                }
            }
        }
        return min;
    }

    static Optional<String> constructorFlag(ClassNode cn, MethodNode ctor) {
        StringBuilder canonical = new StringBuilder("(");
        for (RecordComponentNode c : cn.recordComponents) {
            canonical.append(c.descriptor);
        }
        if (!ctor.desc.equals(canonical + ")V")) {
            return Optional.empty();
        }
        List<Integer> lines = TypeBlocks.lines(ctor);
        if (!lines.isEmpty() && lines.get(0) <= headerLine(cn)) {
            return Optional.of("implicit");
        }
        // compact: the field assignments follow the body, all attributed to the last line
        int lastLine = lines.isEmpty() ? -1 : lines.get(lines.size() - 1);
        int line = -1;
        int putfields = 0;
        for (AbstractInsnNode insn = ctor.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTFIELD && f.owner.equals(cn.name)) {
                if (line != lastLine) {
                    return Optional.empty();
                }
                putfields++;
            }
        }
        return putfields == cn.recordComponents.size() ? Optional.of("compact") : Optional.empty();
    }
}
