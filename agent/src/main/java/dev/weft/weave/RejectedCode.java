package dev.weft.weave;

import java.util.ArrayList;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Turns refused code into code that fails, when it runs, with the reason the weaver gave: an
 * {@code @Async} method the weaver could not weave throws an {@link IllegalStateException}
 * carrying the weave-time message and site as soon as it is called; a marker call in a method
 * that is not {@code @Async} (a lambda, a constructor) throws it where the call stood, so the
 * rest of that method still runs. One refused method thus leaves the other methods of its class
 * woven, and its own failure explains itself instead of surfacing later as an un-woven marker.
 *
 * <p>Only {@code java.base} is called, so refused code needs nothing of the runtime.
 * Stateless; safe on any thread.
 */
final class RejectedCode {
    private static final String ISE = "java/lang/IllegalStateException";

    private RejectedCode() {
    }

    /** The message a refused method throws. */
    static String message(WeaveError why) {
        return why.site() + " was not woven by weft: " + why.message();
    }

    /** Applies {@code r}: stubs its method, or replaces its marker call. */
    static void apply(Rejection r) {
        if (r.marker() == null) {
            stub(r.method(), r.error());
        } else {
            replaceMarker(r.method(), r.marker(), r.error());
        }
    }

    /**
     * Replaces the code of {@code m} by a throw of {@code why}; abstract and native methods, which
     * have no code, are left alone. Signature, access and annotations are kept.
     */
    static void stub(MethodNode m, WeaveError why) {
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return;
        }
        int line = Sites.firstLine(m);
        InsnList code = new InsnList();
        LabelNode start = new LabelNode();
        code.add(start);
        if (line > 0) {
            code.add(new LineNumberNode(line, start));
        }
        code.add(throwing(why));
        m.instructions = code;
        m.tryCatchBlocks = new ArrayList<>();
        m.localVariables = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;
        m.maxStack = 3;
        m.maxLocals = Type.getArgumentsAndReturnSizes(m.desc) >> 2;
    }

    /** Replaces {@code marker}, a call in {@code m}, by dropping its arguments and throwing {@code why}. */
    static void replaceMarker(MethodNode m, MethodInsnNode marker, WeaveError why) {
        InsnList out = new InsnList();
        Type[] args = Type.getArgumentTypes(marker.desc);
        for (int i = args.length - 1; i >= 0; i--) {
            out.add(new InsnNode(args[i].getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
        }
        out.add(throwing(why));
        m.instructions.insertBefore(marker, out);
        m.maxStack += 3;
        // The call stays behind the throw, unreachable; the class writer replaces dead code.
    }

    private static InsnList throwing(WeaveError why) {
        InsnList out = new InsnList();
        out.add(new TypeInsnNode(Opcodes.NEW, ISE));
        out.add(new InsnNode(Opcodes.DUP));
        out.add(new LdcInsnNode(message(why)));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, ISE, "<init>", "(Ljava/lang/String;)V", false));
        out.add(new InsnNode(Opcodes.ATHROW));
        return out;
    }
}
