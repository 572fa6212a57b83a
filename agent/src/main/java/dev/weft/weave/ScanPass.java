package dev.weft.weave;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Pass 1: finds the {@code @Async} methods of a class and the marker calls in them, and rejects
 * shapes the weaver cannot turn into a state machine — each with a message naming
 * {@code Class.method(File.java:line)} and what to change.
 *
 * <p>Rejected: {@code Weft.await}/{@code yield}/{@code yieldFrom} in a method that is not
 * {@code @Async} (lambdas, constructors and static initialisers included); a generator marker in
 * a coroutine or the other way round ({@code Weft.done} in a method returning
 * {@code CompletableFuture} included); {@code @Async} on a method whose return type is none of
 * {@code Coroutine}, {@code Generator}, {@code AsyncGenerator}, {@code CompletableFuture},
 * {@code CompletionStage}, or on an abstract, native or {@code synchronized} method. Each
 * rejection concerns one method only; bridge methods (to which javac copies {@code @Async}) are
 * passed over, since they only call the method they bridge to.
 *
 * <p>Stateless; safe on any thread.
 */
final class ScanPass {
    /** How an eager method awaits and completes, for messages. */
    private static final String EAGER_USAGE = "a method returning CompletableFuture<T> or "
            + "CompletionStage<T> awaits with Weft.await and completes with "
            + "return CompletableFuture.completedFuture(v) (or returns any other stage, which it awaits)";

    private ScanPass() {
    }

    static ScanResult scan(ClassNode owner) {
        List<AsyncMethod> methods = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (MethodNode m : owner.methods) {
            if ((m.access & Opcodes.ACC_BRIDGE) != 0) {
                continue; // javac copies @Async to bridges; they call the woven method and stay as they are
            }
            if (isAsync(m)) {
                List<WeaveError> errors = new ArrayList<>();
                AsyncMethod found = scanAsync(owner, m, errors);
                if (errors.isEmpty()) {
                    methods.add(found);
                }
                errors.forEach(e -> rejections.add(new Rejection(m, null, e)));
            } else {
                rejectMarkers(owner, m, rejections);
            }
        }
        return new ScanResult(List.copyOf(methods), List.copyOf(rejections));
    }

    static boolean isAsync(MethodNode m) {
        return has(m.visibleAnnotations) || has(m.invisibleAnnotations);
    }

    private static boolean has(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (RuntimeNames.ASYNC_DESC.equals(a.desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static AsyncMethod scanAsync(ClassNode owner, MethodNode m, List<WeaveError> errors) {
        String site = Sites.of(owner, m);
        MethodKind kind = MethodKind.of(m.desc);
        if (kind == null) {
            errors.add(new WeaveError(site, "an @Async method must return dev.weft.Coroutine<T>, "
                    + "dev.weft.Generator<Y, S>, dev.weft.AsyncGenerator<Y>, or (eager, as in ea-async) "
                    + "CompletableFuture<T> or CompletionStage<T>, not " + Type.getReturnType(m.desc).getClassName()
                    + ": change the return type to Coroutine<T> and return Weft.done(value)"));
            return null;
        }
        if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            errors.add(new WeaveError(site, "@Async needs a method body: put @Async on the "
                    + "implementing method, not on an abstract or native one"));
            return null;
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            errors.add(new WeaveError(site, "an @Async method cannot be synchronized: a monitor cannot "
                    + "be held across a suspension; use dev.weft.sync.Lock instead"));
            return null;
        }
        return collect(owner, m, site, kind, errors);
    }

    private static AsyncMethod collect(ClassNode owner, MethodNode m, String site, MethodKind kind,
                                       List<WeaveError> errors) {
        Set<LabelNode> targets = jumpTargets(m);
        List<MethodInsnNode> suspensions = new ArrayList<>();
        List<MethodInsnNode> plainDones = new ArrayList<>();
        List<MethodInsnNode> otherDones = new ArrayList<>();
        Set<AbstractInsnNode> plainReturns = new HashSet<>();
        List<InsnNode> returns = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            String foreign = kind.foreignMarker(i);
            if (foreign != null) {
                errors.add(new WeaveError(Sites.of(owner, m, i), foreign + " cannot be used in a method "
                        + "returning " + kind.typeName() + ": " + (kind.eager() ? EAGER_USAGE
                        : "a Coroutine awaits and completes with "
                        + "Weft.done(v); a Generator yields and returns Generator.returning(v); an "
                        + "AsyncGenerator awaits and yields and ends with AsyncGenerator.end()")));
            } else if (kind.suspendsAt(i)) {
                suspensions.add((MethodInsnNode) i);
            } else if (kind.completesAt(i)) {
                AbstractInsnNode next = nextReal(i, targets);
                if (next != null && next.getOpcode() == Opcodes.ARETURN) {
                    plainDones.add((MethodInsnNode) i);
                    plainReturns.add(next);
                } else if (!kind.eager()) {
                    otherDones.add((MethodInsnNode) i); // an eager method's is a plain completed future
                }
            } else if (i.getOpcode() == Opcodes.ARETURN) {
                returns.add((InsnNode) i);
            }
        }
        returns.removeIf(plainReturns::contains);
        return new AsyncMethod(m, site, kind, List.copyOf(suspensions), List.copyOf(plainDones),
                List.copyOf(otherDones), List.copyOf(returns));
    }

    /** The next instruction that executes after {@code i} when nothing can jump in between. */
    private static AbstractInsnNode nextReal(AbstractInsnNode i, Set<LabelNode> targets) {
        for (AbstractInsnNode n = i.getNext(); n != null; n = n.getNext()) {
            if (n instanceof LabelNode && targets.contains(n)) {
                return null;
            }
            if (n.getOpcode() >= 0) {
                return n;
            }
        }
        return null;
    }

    private static Set<LabelNode> jumpTargets(MethodNode m) {
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) i).label);
            } else if (i instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) i).dflt);
                targets.addAll(((TableSwitchInsnNode) i).labels);
            } else if (i instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) i).dflt);
                targets.addAll(((LookupSwitchInsnNode) i).labels);
            }
        }
        if (m.tryCatchBlocks != null) {
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                targets.add(t.handler);
            }
        }
        return targets;
    }

    private static void rejectMarkers(ClassNode owner, MethodNode m, List<Rejection> rejections) {
        if (m.instructions == null) {
            return;
        }
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (MethodKind.anySuspendingMarker(i)) {
                String marker = "Weft." + ((MethodInsnNode) i).name;
                rejections.add(new Rejection(m, (MethodInsnNode) i, new WeaveError(Sites.of(owner, m, i), marker + " is used in "
                        + describe(m) + ", which is not @Async: only an @Async method returning "
                        + "Coroutine<T> (await) or Generator<Y, S> (yield) can suspend; move the "
                        + marker + " into one")));
            }
        }
    }

    private static String describe(MethodNode m) {
        if (m.name.equals("<init>")) {
            return "a constructor";
        }
        if (m.name.equals("<clinit>")) {
            return "a static initialiser";
        }
        if (m.name.startsWith("lambda$")) {
            return "a lambda (lambdas cannot suspend; call an @Async method and await its result)";
        }
        return "method " + m.name;
    }
}
