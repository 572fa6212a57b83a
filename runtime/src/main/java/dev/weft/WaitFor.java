package dev.weft;

import dev.weft.internal.Body;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;
import java.time.Duration;

/**
 * The coroutine {@link Weft#waitFor} returns: awaits an awaitable for at most a given time.
 *
 * <p>A body written by hand as the weaver would write it, one shared instance; each frame runs on
 * its task's loop thread.
 */
final class WaitFor implements Body {
    /*
     * Implementation overview. Nothing happens until the coroutine is awaited; then, as in
     * Python 3.12's wait_for, there are two ways:
     * - A positive timeout: the awaitable is awaited inside a Timeout scope in the caller's
     *   own task. A coroutine therefore runs inline, not in a task of its own, so there is no inner
     *   result that a cancellation of the caller could orphan: the caller's cancellation (or the
     *   scope's, when the deadline passes) is delivered at the await where the coroutine is
     *   suspended, and the awaited primitive sees it and can hand its item or turn on. A future or
     *   task is awaited directly, so the caller's task cancels it, as it cancels whatever it waits
     *   on, and waits for a cancelled task to finish its cleanup. The scope turns its own
     *   cancellation into a TimeoutError. A null timeout awaits without any scope.
     * - A zero or negative timeout: the awaitable is made a future (a coroutine becomes a task,
     *   cancelled before it can run); a future already done gives its outcome, any other is
     *   cancelled, its end is awaited through a separate future, and it gives its value if it
     *   swallowed the cancellation, else a TimeoutError. The separate future is asyncio's
     *   _cancel_and_wait: cancelling the caller then stops the wait, not the future again.
     */

    private static final int START = 0;
    private static final int SCOPED = 1;
    private static final int CANCELLED = 2;

    private static final int AWAITABLE = 0;
    private static final int TIMEOUT = 1;
    private static final int FUTURE = 2;

    private static final MethodInfo INFO = new MethodInfo(new WaitFor(), "dev.weft.Weft.waitFor(Weft.java)", 0, 3);

    private WaitFor() {
    }

    /** The lazy coroutine of {@code Weft.waitFor(awaitable, timeout)}; checks the awaitable now. */
    @SuppressWarnings("unchecked")
    static <T> Coroutine<T> of(Object awaitable, Duration timeout) {
        FutureOf.requireAwaitable(awaitable);
        Frame frame = new Frame(INFO);
        Frame.saveR(awaitable, frame, AWAITABLE);
        Frame.saveR(timeout, frame, TIMEOUT);
        return (Coroutine<T>) (Coroutine<?>) frame;
    }

    @Override
    public Object resume(Frame frame) {
        switch (frame.state) {
            case START:
                return start(frame);
            case SCOPED:
                return frame.resumed();
            case CANCELLED:
                frame.resumed(); // a CancelledError here is the caller's own: it propagates
                return outcomeOrTimeout((Future<?>) frame.getR(FUTURE));
            default:
                throw frame.notResumable();
        }
    }

    private static Object start(Frame frame) {
        Object awaitable = frame.getR(AWAITABLE);
        Duration timeout = (Duration) frame.getR(TIMEOUT);
        Object value;
        if (timeout == null) {
            value = Frame.await(awaitable, frame);
        } else if (timeout.isZero() || timeout.isNegative()) {
            EventLoop loop = Weft.loop(); // only this way needs the loop itself
            return expireAtOnce(FutureOf.of(awaitable, loop), loop, frame);
        } else {
            value = Frame.await(Weft.timeout(timeout).runAwaitable(awaitable, "Weft.waitFor"), frame);
        }
        if (value == Frame.SUSPENDED) {
            frame.state = SCOPED;
        }
        return value;
    }

    /** The zero-timeout way: the outcome of a done future, or cancel it and wait for its end. */
    private static Object expireAtOnce(Future<?> future, EventLoop loop, Frame frame) {
        if (future.done()) {
            return future.outcome();
        }
        if (future == loop.currentTask) {
            throw new IllegalStateException("a task cannot wait for itself: " + future);
        }
        future.cancel();
        Future<Void> ended = loop.createFuture();
        future.addDoneCallback(f -> {
            if (!ended.done()) {
                ended.setResult(null);
            }
        });
        Frame.saveR(future, frame, FUTURE);
        Object value = Frame.await(ended, frame); // pending: done callbacks never run inline
        if (value == Frame.SUSPENDED) {
            frame.state = CANCELLED;
            return value;
        }
        return outcomeOrTimeout((Future<?>) frame.getR(FUTURE));
    }

    private static Object outcomeOrTimeout(Future<?> future) {
        try {
            return future.outcome();
        } catch (CancelledError e) {
            throw new TimeoutError("the deadline of Weft.waitFor passed (a timeout of zero or less)", e);
        }
    }
}
