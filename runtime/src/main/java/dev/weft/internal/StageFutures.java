package dev.weft.internal;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The loop future that stands for a {@link CompletionStage} while a task awaits it, or while a
 * combinator ({@code Weft.waitFor}, {@code gather}, {@code shield}, ...) holds it: asyncio's
 * {@code wrap_future}, with its cancellation rule.
 *
 * <p>The stage's outcome is copied into the future on the loop thread, through
 * {@link EventLoop#callSoonThreadsafe}, because the stage may complete on any thread; a
 * {@link CompletionException} is unwrapped so the original exception reaches the await, and a
 * cancelled stage (one that ended with a {@link CancellationException}) cancels the future, so
 * its awaiter gets a {@code CancelledError} and ends cancelled, as in asyncio.
 *
 * <p>Cancellation goes the other way, at once: cancelling the future — which is what cancelling
 * the task that awaits it does, and what the timeout of a {@code Weft.waitFor} or
 * {@code Weft.timeout} around the await does — cancels the stage too, with
 * {@code cancel(false)}, if the stage is a {@link java.util.concurrent.Future} (a
 * {@code CompletableFuture} is). asyncio cancels the concurrent future it wraps the same way, so
 * abandoned work is not left pending with nobody to read it. {@code Weft.shield} keeps the stage
 * alive: it cancels its outer future, never this one. Cancelling a {@code CompletableFuture}
 * completes it with a {@code CancellationException} for everyone who waits on it; it does not
 * interrupt a computation already running (use the work's own stop flag for that). A stage that
 * is not a {@code java.util.concurrent.Future}, or refuses {@code cancel} with
 * {@link UnsupportedOperationException} ({@code CompletableFuture.minimalCompletionStage()}), is
 * left alone.
 *
 * <p>Not API. Threading: {@link #of} on the loop thread; the future it returns is an ordinary loop
 * future. Null policy: arguments must not be null.
 */
public final class StageFutures {
    private StageFutures() {
    }

    /** A pending future of {@code loop} completed like {@code stage}; see the class comment. */
    public static <T> Future<T> of(CompletionStage<T> stage, EventLoop loop) {
        Future<T> bridge = new CancelHookFuture<>(loop, () -> cancelStage(stage, loop));
        stage.whenComplete((value, error) -> loop.callSoonThreadsafe(() -> {
            if (bridge.done()) {
                return; // cancelled meanwhile: the stage's late outcome has no reader
            }
            Throwable cause = error == null ? null : unwrap(error);
            if (cause instanceof CancellationException) {
                // A cancelled stage cancels its awaiter, as asyncio's _copy_future_state does:
                // the task gets a CancelledError, not a failure.
                bridge.cancel();
            } else if (cause != null) {
                bridge.setException(cause);
            } else {
                bridge.setResult(value);
            }
        }));
        return bridge;
    }

    /** The original exception of a stage: {@code t} unwrapped from {@link CompletionException}. */
    public static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static void cancelStage(CompletionStage<?> stage, EventLoop loop) {
        if (!(stage instanceof java.util.concurrent.Future)) {
            return;
        }
        try {
            ((java.util.concurrent.Future<?>) stage).cancel(false);
        } catch (UnsupportedOperationException e) {
            // A stage that refuses cancellation (CompletableFuture.minimalCompletionStage()):
            // left alone, like one that is not a Future at all.
        } catch (RuntimeException e) {
            // Foreign code: its failure must not turn the cancellation of a weft task into a
            // crash of the task that cancelled it.
            LoopAccess.get().reportException(loop, "Exception cancelling the awaited "
                    + stage.getClass().getName() + " " + stage, e);
        }
    }
}
