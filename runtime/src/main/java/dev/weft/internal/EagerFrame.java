package dev.weft.internal;

/**
 * The frame of one call of an eager {@code @Async} method, one declared to return
 * {@code CompletableFuture<T>} or {@code CompletionStage<T>}; its factory makes it and hands it to
 * {@link EagerStart#start} at once.
 *
 * <p>It keeps its first slots in fields ({@link FieldSlotFrame}) rather than in arrays, because
 * every call runs its body at once and most such bodies in interop code finish without
 * suspending: then the call costs one object, which the JIT can often scalar-replace whole, instead
 * of a frame and its argument arrays. A suspended eager call also owns a task or a driver and a
 * {@code CompletableFuture}, so the few bytes the fields add matter less than for a coroutine.
 *
 * <p>Threading: as {@link Frame}.
 */
public final class EagerFrame extends FieldSlotFrame {

    /**
     * Creates the frame of one call; called by woven factories.
     *
     * @param info what all calls of the method share: body, site, slot counts
     */
    public EagerFrame(MethodInfo info) {
        super(info);
    }
}
