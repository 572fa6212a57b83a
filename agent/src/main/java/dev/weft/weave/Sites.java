package dev.weft.weave;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Formats places in user code as {@code Class.method(File.java:line)}, the form of a stack trace
 * element, so IDEs turn weave messages into links.
 *
 * <p>Stateless; safe on any thread.
 */
final class Sites {
    private Sites() {
    }

    /** The site of a method, at its first line. */
    static String of(ClassNode owner, MethodNode method) {
        return format(owner, method, firstLine(method));
    }

    /** The site of one instruction: the line of the nearest line-number entry before it. */
    static String of(ClassNode owner, MethodNode method, AbstractInsnNode insn) {
        return format(owner, method, lineOf(insn));
    }

    static int lineOf(AbstractInsnNode insn) {
        for (AbstractInsnNode i = insn; i != null; i = i.getPrevious()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return -1;
    }

    static int firstLine(MethodNode method) {
        if (method.instructions == null) {
            return -1;
        }
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LineNumberNode) {
                return ((LineNumberNode) i).line;
            }
        }
        return -1;
    }

    private static String format(ClassNode owner, MethodNode method, int line) {
        String file = owner.sourceFile != null ? owner.sourceFile : "Unknown Source";
        String where = line > 0 ? file + ":" + line : file;
        return owner.name.replace('/', '.') + "." + method.name + "(" + where + ")";
    }
}
