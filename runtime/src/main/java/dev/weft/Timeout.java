package dev.weft;

import dev.weft.internal.Body;
import dev.weft.internal.Deadlines;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;
import dev.weft.internal.Sneaky;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A deadline for a block of awaits that runs in the current task: asyncio's
 * {@code async with asyncio.timeout(delay)}. Made by {@link Weft#timeout(Duration)} or
 * {@link Weft#timeoutAt(long)}; {@link #run} wraps the body:
 *
 * <pre>{@code
 * try {
 *     String page = Weft.await(Weft.timeout(Duration.ofSeconds(2)).run(fetch(url)));
 * } catch (TimeoutError e) {
 *     ...
 * }
 * }</pre>
 *
 * <p>When the deadline passes the scope cancels its task, so the body gets a
 * {@link CancelledError} at the await where it is suspended and runs its cleanup. When that
 * cancellation leaves the body, the scope turns it into a {@link TimeoutError} (whose cause is the
 * {@code CancelledError}) — but only if it is its own: the scope counts its task's
 * {@link Task#cancelling()} when it starts and withdraws its own request with
 * {@link Task#uncancel()} at the end; if requests made by others remain, the
 * {@code CancelledError} propagates unchanged. So nested scopes are exact (an outer deadline that
 * passes first raises only from the outer scope) and a cancellation from outside is never
 * mistaken for a timeout. No task is created: the body runs inline, in the task that awaits the
 * scope. {@link Weft#waitFor} is built on this scope.
 *
 * <p>Why not {@code try (var t = Weft.timeout(d)) { ... }}: Java's {@code close()} cannot replace
 * the exception leaving the block (its own exception is only added as suppressed), and cannot
 * await, so a try-with-resources scope could never turn its cancellation into a
 * {@code TimeoutError}. The body is therefore a coroutine the scope awaits itself.
 *
 * <p>Threading: loop thread only. A scope runs one body, once. Null policy: no null arguments.
 */
public final class Timeout {
    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED }

    private static final MethodInfo RUN = new MethodInfo(new ScopeBody(), "dev.weft.Timeout.run(Timeout.java)", 0, 2);

    private final EventLoop loop;
    private boolean hasDeadline;
    private long deadlineNanos;
    private State state = State.CREATED;
    private Task<?> task;
    /** Whether {@link #run} was called: a scope takes one body, even before that body starts. */
    private boolean hasBody;
    private int cancellingAtStart;
    private TimerHandle timer;
    /** Who made the scope, named in its {@link TimeoutError}'s message. */
    private String owner = "Weft.timeout";

    Timeout(EventLoop loop, boolean hasDeadline, long deadlineNanos) {
        this.loop = loop;
        this.hasDeadline = hasDeadline;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * The coroutine that runs {@code body} under this deadline and completes with its value;
     * await it (or make it a task).
     *
     * @throws IllegalStateException if this scope already has a body
     */
    public <T> Coroutine<T> run(Coroutine<T> body) {
        return runAwaitable(Objects.requireNonNull(body, "body"), owner);
    }

    /**
     * {@link #run} for anything woven code can await (a coroutine, a future, a stage), with the
     * name of the API its {@code TimeoutError} should name: {@link Weft#waitFor}'s way in.
     */
    @SuppressWarnings("unchecked")
    <T> Coroutine<T> runAwaitable(Object body, String owner) {
        if (hasBody) {
            throw new IllegalStateException("this Timeout already ran a body: make a new one with Weft.timeout");
        }
        hasBody = true;
        this.owner = owner;
        Frame frame = new Frame(RUN);
        Frame.saveR(this, frame, 0);
        Frame.saveR(body, frame, 1);
        return (Coroutine<T>) (Coroutine<?>) frame;
    }

    /** The deadline on the scale of {@link EventLoop#nanoTime()}, or empty for none. */
    public OptionalLong deadlineNanos() {
        return hasDeadline ? OptionalLong.of(deadlineNanos) : OptionalLong.empty();
    }

    /** Whether the deadline passed while the body ran (asyncio's {@code expired()}). */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    /**
     * Moves the deadline to {@code deadlineNanos} on the loop's clock; a deadline in the past
     * expires on the next loop iteration.
     *
     * @throws IllegalStateException if the scope has expired or finished
     */
    public void rescheduleAt(long deadlineNanos) {
        checkReschedulable();
        this.hasDeadline = true;
        this.deadlineNanos = deadlineNanos;
        if (state == State.ENTERED) {
            schedule();
        }
    }

    /** Moves the deadline to {@code delay} from now; see {@link #rescheduleAt}. */
    public void reschedule(Duration delay) {
        rescheduleAt(Deadlines.after(loop.nanoTime(), Deadlines.saturatedNanos(delay)));
    }

    /** Removes the deadline: the body may run for as long as it takes. */
    public void clearDeadline() {
        checkReschedulable();
        hasDeadline = false;
        cancelTimer();
    }

    private void checkReschedulable() {
        loop.checkThread();
        if (state != State.CREATED && state != State.ENTERED) {
            throw new IllegalStateException("cannot change the deadline of a Timeout that has "
                    + (expired() ? "expired" : "finished"));
        }
    }

    // ---- the scope's life, driven by ScopeBody ------------------------------------------------

    private void enter() {
        Task<?> current = loop.currentTask;
        if (current == null) {
            throw new IllegalStateException("a Timeout must run in a task: await its run(...) in an @Async method");
        }
        task = current;
        cancellingAtStart = current.cancelling();
        state = State.ENTERED;
        if (hasDeadline) {
            schedule();
        }
    }

    private void schedule() {
        cancelTimer();
        timer = loop.callAt(deadlineNanos, this::expire);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        if (state == State.ENTERED) {
            state = State.EXPIRING;
            task.cancel();
        }
    }

    /** Ends the scope with the body's outcome: its value, or its exception, or a timeout. */
    private Object exit(Object value, Throwable error) {
        cancelTimer();
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            // Withdraw our request; convert only if no one else's remains.
            if (task.uncancel() <= cancellingAtStart && error instanceof CancelledError) {
                throw new TimeoutError("the deadline of " + owner + " passed", error);
            }
        } else {
            state = State.EXITED;
        }
        if (error != null) {
            throw Sneaky.<RuntimeException>raise(error);
        }
        return value;
    }

    @Override
    public String toString() {
        return "<Timeout " + state.name().toLowerCase(java.util.Locale.ROOT)
                + (hasDeadline ? " when=" + deadlineNanos / 1e9 : " when=never") + ">";
    }

    /**
     * The body of {@link #run}'s coroutine, written by hand as the weaver would write it: start the
     * scope, await the user's body inline, and hand its outcome to {@link #exit}.
     */
    private static final class ScopeBody implements Body {
        private static final int START = 0;
        private static final int RESUME = 1;

        @Override
        public Object resume(Frame frame) {
            Timeout scope = (Timeout) frame.peekR(0);
            Object value;
            try {
                if (frame.state == START) {
                    scope.enter();
                    value = Frame.await(frame.getR(1), frame);
                    if (value == Frame.SUSPENDED) {
                        frame.state = RESUME;
                        return value;
                    }
                } else {
                    value = frame.resumed();
                }
            } catch (Throwable t) {
                if (scope.state == State.CREATED) {
                    throw Sneaky.<RuntimeException>raise(t); // enter() failed: there is no scope to end
                }
                return scope.exit(null, t);
            }
            return scope.exit(value, null);
        }
    }
}
