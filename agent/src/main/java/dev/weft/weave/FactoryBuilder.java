package dev.weft.weave;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Pass 4b: builds what the {@code @Async} method becomes — a factory with the original
 * signature, annotations and access that stores its arguments in a new frame and returns it
 * (an eager method, one returning {@code CompletableFuture} or {@code CompletionStage}, returns
 * {@code EagerStart.start(frame)} instead: the body runs at once).
 *
 * <p>The frame reaches the body through an {@code invokedynamic} whose bootstrap
 * ({@code Bootstraps.methodInfo}) links, once per method, a constant {@code MethodInfo}: the body
 * bound through {@code LambdaMetafactory} as a method reference would be, the site string and
 * the slot counts. No class is generated at weave time, no reflection runs per call, and a frame
 * holds one reference for all of it.
 *
 * <p>Stateless; safe on any thread.
 */
final class FactoryBuilder {
    private static final Handle METHOD_INFO = new Handle(Opcodes.H_INVOKESTATIC,
            RuntimeNames.BOOTSTRAPS, RuntimeNames.METHOD_INFO_BOOTSTRAP, RuntimeNames.METHOD_INFO_BOOTSTRAP_DESC, false);

    private FactoryBuilder() {
    }

    static MethodNode build(String owner, boolean ownerIsInterface, AsyncMethod async,
                            FrameLayout layout, String bodyName) {
        MethodNode m = async.method();
        String[] exceptions = m.exceptions == null ? null : m.exceptions.toArray(new String[0]);
        MethodNode f = new MethodNode(Opcodes.ASM9, m.access, m.name, m.desc, m.signature, exceptions);
        copyAnnotations(m, f);
        int frameLocal = Type.getArgumentsAndReturnSizes(m.desc) >> 2;
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            frameLocal--; // the size includes an implicit 'this' slot
        }
        f.instructions = code(owner, ownerIsInterface, async, layout, bodyName, frameLocal);
        f.maxLocals = frameLocal + 1;
        f.maxStack = 8;
        return f;
    }

    private static InsnList code(String owner, boolean ownerIsInterface, AsyncMethod async,
                                 FrameLayout layout, String bodyName, int frameLocal) {
        InsnList out = new InsnList();
        // No line numbers: the factory runs no user code, and a line entry here would make a
        // debugger's line breakpoint on the method's first line stop where the coroutine is
        // created instead of where it runs (jdb takes the first location of a line), and its
        // "step into" stop in the factory instead of stepping over it.
        String frameClass = async.kind().frameClass;
        out.add(new TypeInsnNode(Opcodes.NEW, frameClass));
        out.add(new InsnNode(Opcodes.DUP));
        Handle body = new Handle(Opcodes.H_INVOKESTATIC, owner, bodyName, RuntimeNames.BODY_DESC,
                ownerIsInterface);
        out.add(new InvokeDynamicInsnNode("info", "()" + RuntimeNames.METHOD_INFO_DESC, METHOD_INFO,
                body, siteWithLines(async.site(), layout), layout.primSlots(), layout.refSlots()));
        out.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, frameClass, "<init>",
                RuntimeNames.FRAME_INIT_DESC, false));
        out.add(new VarInsnNode(Opcodes.ASTORE, frameLocal));
        for (SavedValue v : layout.start().locals()) {
            if (v.kind() != SlotKind.NULL) {
                out.add(new VarInsnNode(v.kind().load, v.local()));
                SaveRestore.storeTop(out, v, async.kind().slotAccess, frameLocal);
            }
        }
        out.add(new VarInsnNode(Opcodes.ALOAD, frameLocal));
        if (async.kind().eager()) {
            // ea-async's shape: the body runs now, the caller gets the call's future
            out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.EAGER_START,
                    RuntimeNames.EAGER_START_NAME, RuntimeNames.EAGER_START_DESC, false));
        }
        out.add(new InsnNode(Opcodes.ARETURN));
        return out;
    }

    /**
     * The frame's site string: {@code C.m(C.java:10)}, then {@code #} and each resume point's
     * source line, which the runtime reads only to put suspended callers into stack traces.
     */
    static String siteWithLines(String site, FrameLayout layout) {
        if (layout.points().isEmpty()) {
            return site;
        }
        StringBuilder s = new StringBuilder(site).append('#');
        for (PointLayout p : layout.points()) {
            if (s.charAt(s.length() - 1) != '#') {
                s.append(',');
            }
            s.append(Math.max(p.point().line(), 0));
        }
        return s.toString();
    }

    private static void copyAnnotations(MethodNode from, MethodNode to) {
        to.visibleAnnotations = from.visibleAnnotations;
        to.invisibleAnnotations = from.invisibleAnnotations;
        to.visibleTypeAnnotations = from.visibleTypeAnnotations;
        to.invisibleTypeAnnotations = from.invisibleTypeAnnotations;
        to.visibleParameterAnnotations = from.visibleParameterAnnotations;
        to.invisibleParameterAnnotations = from.invisibleParameterAnnotations;
        to.visibleAnnotableParameterCount = from.visibleAnnotableParameterCount;
        to.invisibleAnnotableParameterCount = from.invisibleAnnotableParameterCount;
        to.parameters = from.parameters;
        to.attrs = from.attrs;
    }
}
