package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.internal.Abi;
import dev.weft.weave.RuntimeContract.Kind;
import dev.weft.weave.RuntimeContract.Member;
import dev.weft.weave.samples.Contract;
import dev.weft.weave.samples.EagerShapes;
import dev.weft.weave.samples.Frames;
import dev.weft.weave.samples.Merges;
import dev.weft.weave.samples.Sample;
import dev.weft.weave.samples.Shapes;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The binary contract between woven code and the runtime ({@link RuntimeContract}), checked from
 * a test that sees both modules: every listed member exists in the runtime with that exact
 * descriptor, kind and public access; woven samples name no runtime member outside the list; the
 * field-slot count and the ABI version agree on both sides. A rename in either module fails here.
 */
class RuntimeContractTest {

    @Test
    void everyContractMember_existsInTheRuntime_publicWithThatDescriptorAndKind() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Member m : RuntimeContract.MEMBERS) {
            Class<?> owner;
            try {
                owner = Class.forName(m.owner().replace('/', '.'), false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(m + ": no class");
                continue;
            }
            if (!Modifier.isPublic(owner.getModifiers())) {
                missing.add(m + ": class not public");
            } else if (!exists(owner, m)) {
                missing.add(m.toString());
            }
        }
        assertEquals(List.of(), missing, "contract members the runtime lacks");
    }

    private static boolean exists(Class<?> owner, Member m) {
        switch (m.kind()) {
            case CLASS:
                return true;
            case STATIC_METHOD:
            case VIRTUAL_METHOD:
                for (Method method : owner.getMethods()) {
                    if (method.getName().equals(m.name()) && Type.getMethodDescriptor(method).equals(m.desc())
                            && Modifier.isStatic(method.getModifiers()) == (m.kind() == Kind.STATIC_METHOD)) {
                        return true;
                    }
                }
                return false;
            case CONSTRUCTOR:
                for (Constructor<?> c : owner.getConstructors()) {
                    if (Type.getConstructorDescriptor(c).equals(m.desc())) {
                        return true;
                    }
                }
                return false;
            default:
                try {
                    Field f = owner.getField(m.name());
                    return Type.getDescriptor(f.getType()).equals(m.desc())
                            && Modifier.isStatic(f.getModifiers()) == (m.kind() == Kind.STATIC_FIELD);
                } catch (NoSuchFieldException e) {
                    return false;
                }
        }
    }

    @Test
    void fieldSlots_sameCountOnBothSides_andNoMoreSlotFields() throws Exception {
        Class<?> frame = Class.forName(RuntimeNames.FIELD_SLOT_FRAME.replace('/', '.'));
        Field count = frame.getDeclaredField("FIELD_SLOTS");
        count.setAccessible(true);
        assertEquals(RuntimeNames.FIELD_SLOTS, count.getInt(null), "RuntimeNames.FIELD_SLOTS = FieldSlotFrame.FIELD_SLOTS");
        assertThrows(NoSuchFieldException.class, () -> frame.getField(SlotAccess.fieldName(false, RuntimeNames.FIELD_SLOTS)));
        assertThrows(NoSuchFieldException.class, () -> frame.getField(SlotAccess.fieldName(true, RuntimeNames.FIELD_SLOTS)));
    }

    @Test
    void generatorFinishedState_sameOnBothSides_andNoResumePoint() throws Exception {
        Class<?> gen = Class.forName(RuntimeNames.GENERATOR_FRAME.replace('/', '.'));
        assertEquals(RuntimeNames.FINISHED_STATE, gen.getField("FINISHED_STATE").getInt(null),
                "RuntimeNames.FINISHED_STATE = GeneratorFrame.FINISHED_STATE");
        assertTrue(RuntimeNames.FINISHED_STATE < 0, "resume points are 0 and up");
    }

    @Test
    void abiVersion_theWeaversIsTheRuntimesNewest() {
        assertEquals(Abi.VERSION, RuntimeNames.ABI_VERSION, "RuntimeNames.ABI_VERSION = Abi.VERSION");
        assertTrue(Abi.OLDEST <= Abi.VERSION);
    }

    @Test
    void wovenSamples_nameNoRuntimeMemberOutsideTheContract() {
        Set<String> listed = new HashSet<>();
        for (Member m : RuntimeContract.MEMBERS) {
            listed.add(m.kind() == Kind.CLASS ? m.owner() : m.owner() + "." + m.name() + m.desc());
        }
        Set<String> emitted = new HashSet<>();
        WeavePipeline pipeline = new WeavePipeline(getClass().getClassLoader(), true);
        for (Class<?> c : List.of(Contract.class, Sample.class, Shapes.class, Frames.class, Merges.class,
                EagerShapes.Fine.class)) {
            byte[] original = ClassBytes.of(c);
            WeaveResult r = pipeline.weave(original);
            assertEquals(List.of(), r.messages());
            Set<String> before = references(ClassBytes.parse(original));
            for (String ref : references(ClassBytes.parse(r.bytes()))) {
                if (!before.contains(ref)) {
                    emitted.add(ref);
                }
            }
        }
        List<String> unlisted = emitted.stream().filter(e -> !listed.contains(e)).sorted().toList();
        assertEquals(List.of(), unlisted, "runtime members woven code names but RuntimeContract does not list");
        for (String must : List.of("dev/weft/internal/FieldSlotFrame.p0J", "dev/weft/internal/Frame.saveD(D"
                + RuntimeNames.FRAME_DESC + "I)V", "dev/weft/internal/Bootstraps.initialize" + RuntimeNames.INITIALIZE_DESC,
                "dev/weft/internal/Abi.check" + RuntimeNames.ABI_CHECK_DESC,
                RuntimeNames.EAGER_START + "." + RuntimeNames.EAGER_START_NAME + RuntimeNames.EAGER_START_DESC)) {
            if (!emitted.contains(must)) {
                fail("the samples no longer exercise " + must + ": " + emitted);
            }
        }
    }

    /** Every member of the runtime's {@code dev.weft.internal} that {@code cls} names. */
    private static Set<String> references(ClassNode cls) {
        Set<String> out = new HashSet<>();
        for (MethodNode m : cls.methods) {
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof MethodInsnNode) {
                    MethodInsnNode call = (MethodInsnNode) i;
                    add(out, cls, call.owner, call.owner + "." + call.name + call.desc);
                } else if (i instanceof FieldInsnNode) {
                    FieldInsnNode f = (FieldInsnNode) i;
                    add(out, cls, f.owner, f.owner + "." + f.name + f.desc);
                } else if (i instanceof TypeInsnNode) {
                    String t = ((TypeInsnNode) i).desc;
                    add(out, cls, t, t);
                } else if (i instanceof InvokeDynamicInsnNode) {
                    Handle bsm = ((InvokeDynamicInsnNode) i).bsm;
                    add(out, cls, bsm.getOwner(), bsm.getOwner() + "." + bsm.getName() + bsm.getDesc());
                    for (Type t : List.of(Type.getArgumentTypes(((InvokeDynamicInsnNode) i).desc))) {
                        add(out, cls, t.getInternalName(), t.getInternalName());
                    }
                    Type ret = Type.getReturnType(((InvokeDynamicInsnNode) i).desc);
                    if (ret.getSort() == Type.OBJECT) {
                        add(out, cls, ret.getInternalName(), ret.getInternalName());
                    }
                } else if (i instanceof LdcInsnNode && ((LdcInsnNode) i).cst instanceof Type) {
                    String t = ((Type) ((LdcInsnNode) i).cst).getInternalName();
                    add(out, cls, t, t);
                }
            }
        }
        return out;
    }

    private static void add(Set<String> out, ClassNode cls, String owner, String ref) {
        // Casts back to analysed types may name any class (dev.weft.Future among them); what the
        // weaver itself names lives in dev.weft.internal, the package of the protocol.
        if (owner.startsWith("dev/weft/internal/")) {
            out.add(ref);
        }
    }
}
