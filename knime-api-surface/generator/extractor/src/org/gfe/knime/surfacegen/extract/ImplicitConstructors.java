package org.gfe.knime.surfacegen.extract;

import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Tells a compiler-generated default constructor (the list's {@code implicit} flag) from a declared one, using the
 * line numbers of the class file (the list's own extraction read the sources; class files have no such flag). A
 * default constructor takes no arguments, has the class's access, and its code is attributed to the line of the class
 * declaration, which comes before every line of code of every other (non-synthetic) method of the class (the
 * initializer of a synthetic {@code $assertionsDisabled} shares it). A declared constructor is
 * attributed to its own lines, and its {@code return} to its closing brace. Checked against the 29 implicit and all
 * other constructors of knime-5.3-api.txt (see generator/README.md).
 */
final class ImplicitConstructors {

    private ImplicitConstructors() {
    }

    static boolean isImplicit(ClassNode cn, MethodNode ctor) {
        if (!ctor.desc.equals("()V") || ctor.signature != null || (ctor.exceptions != null && !ctor.exceptions.isEmpty())) {
            return false;
        }
        int visibility = Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE;
        if ((ctor.access & visibility) != (TypeBlocks.sourceAccess(cn) & visibility)) {
            return false;
        }
        List<Integer> lines = TypeBlocks.lines(ctor);
        if (lines.isEmpty()) {
            throw new IllegalStateException(cn.name + " has no line numbers: cannot tell implicit constructors");
        }
        int first = lines.get(0);
        for (MethodNode m : cn.methods) {
            if (m == ctor || (m.access & Opcodes.ACC_SYNTHETIC) != 0) {
                continue; // bridges are attributed to line 1
            }
            for (int line : TypeBlocks.lines(m)) {
                // equal is fine: ECJ attributes the $assertionsDisabled initializer to the class declaration too
                if (line < first) {
                    return false;
                }
            }
        }
        return lineOfReturn(ctor) == first;
    }

    /** The line the final {@code return} is attributed to. */
    private static int lineOfReturn(MethodNode m) {
        int line = -1;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode ln) {
                line = ln.line;
            } else if (insn.getOpcode() == Opcodes.RETURN && isLast(insn)) {
                return line;
            }
        }
        return line;
    }

    private static boolean isLast(AbstractInsnNode insn) {
        for (AbstractInsnNode next = insn.getNext(); next != null; next = next.getNext()) {
            if (next.getOpcode() >= 0) {
                return false;
            }
        }
        return true;
    }
}
