package dev.weft.internal;

import dev.weft.EventLoop;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point woven code calls for an eager {@code @Async} method, one declared to return
 * {@code CompletableFuture<T>} or {@code CompletionStage<T>}: its factory stores the arguments in
 * a new {@link Frame} and returns {@code start(frame)}.
 *
 * <p>As in ea-async, the body runs on the calling thread until its first real suspension. Called
 * on a thread that runs an event loop, it becomes a task of that loop ({@code dev.weft.LoopInternals.EagerCall},
 * {@link TaskFuture}); anywhere else it is driven by the threads that complete what it awaits
 * ({@link OffLoopCall}). Either way the returned future completes with the body's value or its
 * exception, unwrapped.
 *
 * <p>Stateless; any thread.
 */
public final class EagerStart {
    private EagerStart() {
    }

    /**
     * Runs {@code frame}'s body until it first suspends or ends.
     *
     * @param frame the new, not yet started frame of one call
     * @return the future of the call: already completed if the body did not suspend
     */
    public static CompletableFuture<Object> start(Frame frame) {
        if (RunningLoops.none()) {
            return OffLoopCall.start(frame); // the common case of interop code: one volatile read
        }
        LoopAccess bridge = LoopAccess.get();
        EventLoop loop = bridge.runningLoop();
        return loop != null ? bridge.startEager(loop, frame) : OffLoopCall.start(frame);
    }
}
