package dev.weft.weave;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What an {@code @Async} method is, decided by its declared return type, and what that means
 * for weaving: which marker calls suspend it (and the runtime entry each becomes), which call
 * completes it, which frame class holds it, and whether {@code return x;} delegates.
 *
 * <p>Immutable.
 */
enum MethodKind {
    /** {@code Coroutine<T>}: awaits; {@code return otherCoroutine;} awaits it (tail delegation). */
    COROUTINE(RuntimeNames.COROUTINE_DESC, RuntimeNames.FRAME,
            Map.of(RuntimeNames.AWAIT, RuntimeNames.AWAIT_ENTRY),
            RuntimeNames.WEFT, RuntimeNames.DONE, true, SlotAccess.ARRAYS),
    /** {@code Generator<Y, S>}: yields; the return value comes from {@code Generator.returning}. */
    GENERATOR(RuntimeNames.GENERATOR_DESC, RuntimeNames.GENERATOR_FRAME,
            Map.of(RuntimeNames.YIELD, RuntimeNames.YIELD_ENTRY, RuntimeNames.YIELD_FROM, RuntimeNames.YIELD_FROM_ENTRY),
            RuntimeNames.GENERATOR, RuntimeNames.RETURNING, false, SlotAccess.FIELDS),
    /** {@code AsyncGenerator<Y>}: awaits and yields; ends with {@code AsyncGenerator.end()}. */
    ASYNC_GENERATOR(RuntimeNames.ASYNC_GENERATOR_DESC, RuntimeNames.ASYNC_GENERATOR_FRAME,
            Map.of(RuntimeNames.AWAIT, RuntimeNames.AWAIT_ENTRY, RuntimeNames.YIELD, RuntimeNames.YIELD_ENTRY),
            RuntimeNames.ASYNC_GENERATOR, RuntimeNames.END, false, SlotAccess.ARRAYS),
    /**
     * {@code CompletableFuture<T>}: eager, as in ea-async (the factory starts the body at once,
     * {@code EagerStart.start}); awaits; {@code return CompletableFuture.completedFuture(v);}
     * completes it with {@code v} (the call is removed), any other returned stage is awaited.
     * Its frame keeps its first slots in fields: most calls finish at once, and one object is
     * cheaper to make than a frame with argument arrays.
     */
    COMPLETABLE_FUTURE(RuntimeNames.COMPLETABLE_FUTURE_DESC, RuntimeNames.EAGER_FRAME,
            Map.of(RuntimeNames.AWAIT, RuntimeNames.AWAIT_ENTRY),
            RuntimeNames.COMPLETABLE_FUTURE, RuntimeNames.COMPLETED_FUTURE, true, SlotAccess.FIELDS) {
        @Override
        boolean completesAt(AbstractInsnNode i) {
            return completesEager(i);
        }
    },
    /** {@code CompletionStage<T>}: as {@link #COMPLETABLE_FUTURE}; {@code completedStage(v)} too. */
    COMPLETION_STAGE(RuntimeNames.COMPLETION_STAGE_DESC, RuntimeNames.EAGER_FRAME,
            Map.of(RuntimeNames.AWAIT, RuntimeNames.AWAIT_ENTRY),
            RuntimeNames.COMPLETABLE_FUTURE, RuntimeNames.COMPLETED_FUTURE, true, SlotAccess.FIELDS) {
        @Override
        boolean completesAt(AbstractInsnNode i) {
            return completesEager(i);
        }
    };

    /** Marker names on {@code Weft} that suspend some kind of method. */
    private static final Set<String> ALL_SUSPENDING =
            Set.of(RuntimeNames.AWAIT, RuntimeNames.YIELD, RuntimeNames.YIELD_FROM);

    final String returnDesc;
    final String frameClass;
    private final Map<String, String> suspending;
    final String doneOwner;
    final String doneName;
    final boolean tailSuspends;
    /** How its woven code reaches the frame's saved slots (generators step per element: fields). */
    final SlotAccess slotAccess;

    MethodKind(String returnDesc, String frameClass, Map<String, String> suspending,
               String doneOwner, String doneName, boolean tailSuspends, SlotAccess slotAccess) {
        this.returnDesc = returnDesc;
        this.frameClass = frameClass;
        this.suspending = suspending;
        this.doneOwner = doneOwner;
        this.doneName = doneName;
        this.tailSuspends = tailSuspends;
        this.slotAccess = slotAccess;
    }

    /** The kind for a method descriptor, or null when its return type is not supported. */
    static MethodKind of(String methodDesc) {
        String ret = methodDesc.substring(methodDesc.indexOf(')') + 1);
        for (MethodKind k : values()) {
            if (k.returnDesc.equals(ret)) {
                return k;
            }
        }
        return null;
    }

    /** Whether {@code i} is a marker that suspends this kind of method. */
    boolean suspendsAt(AbstractInsnNode i) {
        return isWeftCall(i) && suspending.containsKey(((MethodInsnNode) i).name);
    }

    /** The {@code Frame} entry that replaces the suspending marker {@code call}. */
    String entryFor(MethodInsnNode call) {
        return suspending.get(call.name);
    }

    /** Whether {@code i} completes this kind of method ({@code Weft.done}, {@code Generator.returning}). */
    boolean completesAt(AbstractInsnNode i) {
        return i.getOpcode() == Opcodes.INVOKESTATIC && doneOwner.equals(((MethodInsnNode) i).owner)
                && doneName.equals(((MethodInsnNode) i).name);
    }

    /** A marker of another kind, which this kind of method must not use, or null. */
    String foreignMarker(AbstractInsnNode i) {
        if (isWeftCall(i) && ALL_SUSPENDING.contains(((MethodInsnNode) i).name) && !suspendsAt(i)) {
            return "Weft." + ((MethodInsnNode) i).name;
        }
        for (MethodKind other : values()) {
            // CompletableFuture.completedFuture is ordinary code outside an eager method
            if (other != this && !other.eager() && other.completesAt(i)) {
                return other.doneOwner.substring(other.doneOwner.lastIndexOf('/') + 1) + "." + other.doneName;
            }
        }
        return null;
    }

    /**
     * Whether this kind is eager (returns a {@code CompletableFuture} or {@code CompletionStage}):
     * its factory runs the body at once, and a completing call that is not returned straight away
     * is ordinary code (a completed future), left as it is.
     */
    boolean eager() {
        return this == COMPLETABLE_FUTURE || this == COMPLETION_STAGE;
    }

    /** An eager kind's completing calls: {@code CompletableFuture.completedFuture/completedStage}. */
    private static boolean completesEager(AbstractInsnNode i) {
        if (i.getOpcode() != Opcodes.INVOKESTATIC) {
            return false;
        }
        MethodInsnNode call = (MethodInsnNode) i;
        return RuntimeNames.COMPLETABLE_FUTURE.equals(call.owner)
                && (RuntimeNames.COMPLETED_FUTURE.equals(call.name) || RuntimeNames.COMPLETED_STAGE.equals(call.name));
    }

    /** Whether {@code i} is any suspending marker (for methods that are not {@code @Async}). */
    static boolean anySuspendingMarker(AbstractInsnNode i) {
        return isWeftCall(i) && ALL_SUSPENDING.contains(((MethodInsnNode) i).name);
    }

    /** How users write this kind's return type, for messages. */
    String typeName() {
        switch (this) {
            case COROUTINE: return "Coroutine<T>";
            case GENERATOR: return "Generator<Y, S>";
            case COMPLETABLE_FUTURE: return "CompletableFuture<T>";
            case COMPLETION_STAGE: return "CompletionStage<T>";
            default: return "AsyncGenerator<Y>";
        }
    }

    private static boolean isWeftCall(AbstractInsnNode i) {
        return i.getOpcode() == Opcodes.INVOKESTATIC && RuntimeNames.WEFT.equals(((MethodInsnNode) i).owner);
    }
}
