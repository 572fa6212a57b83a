package dev.weft.weave;

import java.util.ArrayList;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a woven class carries of the contract with the runtime: a class-file annotation
 * {@code @dev.weft.internal.Woven(abi = N)} (invisible at run time) by which weavers recognise
 * the class — skipping it when they speak the same ABI version, refusing it when they do not —
 * and, when any method was woven, a call {@code Abi.check(N, ThisClass.class)} at the start of
 * the static initialiser, by which the runtime checks once per class, before any woven code of
 * it runs, that it speaks version {@code N}.
 *
 * <p>Stateless; safe on any thread.
 */
final class WovenMarker {
    private static final String ABI = "abi";

    private WovenMarker() {
    }

    /**
     * The ABI version {@code cls} was woven with; 0 for a class woven before versions existed;
     * null when it is not woven.
     */
    static Integer abiOf(ClassNode cls) {
        if (cls.invisibleAnnotations == null) {
            return null;
        }
        for (AnnotationNode a : cls.invisibleAnnotations) {
            if (RuntimeNames.WOVEN_DESC.equals(a.desc)) {
                if (a.values != null) {
                    for (int i = 0; i + 1 < a.values.size(); i += 2) {
                        if (ABI.equals(a.values.get(i)) && a.values.get(i + 1) instanceof Integer) {
                            return (Integer) a.values.get(i + 1);
                        }
                    }
                }
                return 0;
            }
        }
        return null;
    }

    /**
     * Marks {@code cls} as woven with this weaver's ABI version, and, when {@code checked}, makes
     * its static initialiser check the runtime's version first.
     */
    static void mark(ClassNode cls, boolean checked) {
        AnnotationNode woven = new AnnotationNode(RuntimeNames.WOVEN_DESC);
        woven.visit(ABI, RuntimeNames.ABI_VERSION);
        if (cls.invisibleAnnotations == null) {
            cls.invisibleAnnotations = new ArrayList<>();
        }
        cls.invisibleAnnotations.add(woven);
        if (checked) {
            staticInitializer(cls).instructions.insert(check(cls));
        }
    }

    private static InsnList check(ClassNode cls) {
        InsnList out = new InsnList();
        out.add(SaveRestore.intConst(RuntimeNames.ABI_VERSION));
        out.add(new LdcInsnNode(Type.getObjectType(cls.name)));
        out.add(new MethodInsnNode(Opcodes.INVOKESTATIC, RuntimeNames.ABI, RuntimeNames.ABI_CHECK,
                RuntimeNames.ABI_CHECK_DESC, false));
        return out;
    }

    private static MethodNode staticInitializer(ClassNode cls) {
        for (MethodNode m : cls.methods) {
            if (m.name.equals("<clinit>")) {
                m.maxStack = Math.max(m.maxStack, 2);
                return m;
            }
        }
        MethodNode clinit = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.instructions.add(new InsnNode(Opcodes.RETURN));
        clinit.maxStack = 2;
        cls.methods.add(clinit);
        return clinit;
    }
}
