package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Pass 4: rewrites one class's {@code @Async} methods in its ASM tree, once the analyse and
 * layout passes have run for each: the method is replaced, in place, by its factory
 * ({@link FactoryBuilder}, pass 4b) and its code becomes a new synthetic body method
 * ({@link BodyRewriter}, pass 4a), added to the class when all methods are done
 * ({@link #finish()}).
 *
 * <p>This pass, and the tree edits of {@link RejectedCode} and {@link WovenMarker} around it, are
 * where the class's tree changes; {@link AnalysePass} changes only the code of the method it
 * analyses ({@link NewRelocation}). One instance per weave of one class.
 *
 * <p>Not thread-safe (it holds the names taken in its class); the pipeline makes one per call.
 */
final class RewritePass {
    private final ClassNode cls;
    private final boolean isInterface;
    private final int bodyAccess;
    private final Set<String> taken = new HashSet<>();
    private final List<MethodNode> added = new ArrayList<>();

    RewritePass(ClassNode cls) {
        this.cls = cls;
        this.isInterface = (cls.access & Opcodes.ACC_INTERFACE) != 0;
        // An interface before Java 9 cannot have private methods: its bodies are public there.
        this.bodyAccess = Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC
                | (isInterface && (cls.version & 0xFFFF) < Opcodes.V9 ? Opcodes.ACC_PUBLIC : Opcodes.ACC_PRIVATE);
        for (MethodNode m : cls.methods) {
            taken.add(m.name + m.desc);
        }
    }

    /**
     * The name of the body of a method named {@code name}: the method's own name, for stack
     * traces, unless an overload's body already took it; reserved from then on.
     */
    String reserveBodyName(String name) {
        String candidate = name;
        for (int i = 1; !taken.add(candidate + RuntimeNames.BODY_DESC); i++) {
            candidate = name + "$weft" + i;
        }
        return candidate;
    }

    /**
     * Puts the factory of {@code async} in its place and keeps its body, named {@code bodyName},
     * to be added by {@link #finish()}.
     */
    void rewrite(AsyncMethod async, FrameLayout layout, String bodyName) {
        MethodNode m = async.method();
        MethodNode factory = FactoryBuilder.build(cls.name, isInterface, async, layout, bodyName);
        MethodNode body = BodyRewriter.rewrite(async, layout, bodyName, bodyAccess);
        cls.methods.set(cls.methods.indexOf(m), factory);
        added.add(body);
    }

    /** Adds the bodies to the class; returns whether any method was woven. */
    boolean finish() {
        cls.methods.addAll(added);
        return !added.isEmpty();
    }
}
