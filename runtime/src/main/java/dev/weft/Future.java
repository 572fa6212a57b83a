package dev.weft;

import dev.weft.internal.AsyncStackTrace;
import dev.weft.internal.Awaitable;
import dev.weft.internal.Frame;
import dev.weft.internal.FutureAccess;
import dev.weft.internal.Sneaky;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The eventual result of an operation, bound to one {@link EventLoop}: asyncio's {@code Future},
 * which is also a {@link java.util.concurrent.Future}.
 *
 * <p>A future is pending until it is given a result ({@link #setResult}), an exception
 * ({@link #setException}) or is cancelled ({@link #cancel(String)}); then it is done for good.
 * Awaiting it in an {@code @Async} method suspends the task until then and yields the result or
 * rethrows the exception unchanged. Done callbacks never run inline: on completion each one is
 * scheduled on the loop, in registration order, interleaved with the tasks awaiting the future.
 *
 * <p>Threading: every method that changes the future ({@code setResult}, {@code setException},
 * {@code cancel}, {@code addDoneCallback}, {@code removeDoneCallback}) must be called on the
 * loop's thread and fails with {@link IllegalStateException} elsewhere. The queries
 * ({@code done}, {@code cancelled}, {@code result}, {@code exception}, {@code isDone},
 * {@code isCancelled}), {@link #get()} and {@link #toCompletableFuture()} work on any thread.
 * Null policy: a null result is allowed; null callbacks and exceptions are rejected with
 * {@link NullPointerException}.
 *
 * @param <T> the type of the result
 */
public non-sealed class Future<T> implements java.util.concurrent.Future<T>, Awaitable, dev.weft.Awaitable<T> {
    /*
     * Implementation overview. The state is a volatile int written with release semantics after
     * the value, so other threads may read it; the value slot holds the result, the exception or the
     * cancellation message. Callbacks live in one field that holds null, a single entry, or an
     * ArrayList of entries, so a future with one waiter (the common case) allocates nothing
     * beyond itself. An entry is either a waiting Task, queued directly on completion, or a
     * DoneCallback, a Runnable pairing the callback with this future. Runtime code
     * outside this package may, through FutureAccess, complete a future whose result is
     * computed only when it is taken, and make a done future pending again; application code never
     * sees such a future.
     */

    private static final int PENDING = 0;
    private static final int RESULT = 1;
    private static final int ERROR = 2;
    private static final int CANCELLED = 3;
    /** Done; the result is computed by the {@link FutureAccess.Source} in {@link #value} when taken. */
    private static final int DEFERRED = 4;
    private static final int MAX_REPR = 60;
    private static final VarHandle STATE;
    private static final VarHandle VALUE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Future.class, "state", int.class);
            VALUE = MethodHandles.lookup().findVarHandle(Future.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        FutureAccess.install(new Hooks());
    }

    private final EventLoop loop;
    private volatile int state;
    /**
     * The result, the exception, or for a cancelled future its message (a String or null) until
     * its one {@link CancelledError} is made, then that error; written before {@link #state}.
     */
    private Object value;
    /** Null, one entry (a {@link Task} or a {@link DoneCallback}), or an ArrayList of them. */
    private Object callbacks;

    /**
     * Creates a pending future bound to {@code loop}; usually through
     * {@link EventLoop#createFuture()}. Any thread.
     */
    public Future(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** The loop this future is bound to; never null. */
    public EventLoop getLoop() {
        return loop;
    }

    // ---- completion primitives ---------------------------------------------------------------

    /** Completes with {@code v}; false if already done. Loop thread; no thread check. */
    boolean completeValue(Object v) {
        return complete(RESULT, v);
    }

    /** Completes with {@code t}; false if already done. Loop thread; no thread check. */
    boolean completeError(Throwable t) {
        return complete(ERROR, Objects.requireNonNull(t, "exception"));
    }

    /** Cancels with message {@code msg}; false if already done. Loop thread; no thread check. */
    boolean completeCancelled(String msg) {
        return complete(CANCELLED, msg);
    }

    /**
     * Cancels with {@code error} as the one {@link CancelledError} every reader of this future
     * gets (a task passes the error its coroutine ended with); false if already done.
     */
    boolean completeCancelled(CancelledError error) {
        return complete(CANCELLED, Objects.requireNonNull(error, "error"));
    }

    /**
     * The one {@link CancelledError} of this cancelled future: every await, {@code result()} and
     * {@code exception()} throws this same instance, so its message, cause and stack trace are
     * the same for every reader. Made on first use from the message when the future was not
     * cancelled with an error of its own; a compare-and-set keeps it single when threads race.
     * asyncio makes a new one for each reader after the first, losing the message; weft does not.
     */
    CancelledError cancelledError() {
        Object v = value;
        if (v instanceof CancelledError) {
            return (CancelledError) v;
        }
        CancelledError made = new CancelledError((String) v);
        Object witness = VALUE.compareAndExchange(this, v, made);
        return witness == v ? made : (CancelledError) witness;
    }

    private boolean complete(int newState, Object v) {
        if (state != PENDING) {
            return false;
        }
        value = v;
        STATE.setRelease(this, newState);
        scheduleCallbacks();
        return true;
    }

    /**
     * The result, or the stored exception thrown unchanged, or the future's one
     * {@link CancelledError} ({@link #cancelledError()}).
     *
     * @throws InvalidStateError if the future is pending
     */
    Object outcome() {
        switch (state) {
            case RESULT:
                return value;
            case ERROR:
                throw Sneaky.<RuntimeException>raise((Throwable) value);
            case CANCELLED:
                throw cancelledError();
            case DEFERRED:
                return ((FutureAccess.Source) value).take();
            default:
                throw new InvalidStateError("Result is not ready.");
        }
    }

    /**
     * The value slot while the future is pending, where nothing else is kept: a {@link Task}
     * keeps what its coroutine waits on there, one field fewer per task (a million sleeping tasks
     * are 4 MB lighter). Loop thread; only while pending, which the caller knows.
     */
    final Object pendingSlot() {
        return value;
    }

    /** Sets the value slot of a pending future; see {@link #pendingSlot()}. */
    final void setPendingSlot(Object o) {
        value = o;
    }

    /** Pending again, for a future that is reused ({@link FutureAccess#reset}). */
    private void reset() {
        if (state == PENDING || callbacks != null) {
            throw new IllegalStateException("only a done future whose callbacks have all been "
                    + "scheduled can be reset: " + this);
        }
        value = null;
        STATE.setRelease(this, PENDING);
    }

    /** What {@link FutureAccess} does with a future: there, because it needs the private state. */
    private static final class Hooks extends FutureAccess {
        @Override
        public boolean completeDeferred(Future<?> future, Source source) {
            return future.complete(DEFERRED, Objects.requireNonNull(source, "source"));
        }

        @Override
        public void reset(Future<?> future) {
            future.reset();
        }
    }

    // ---- asyncio API -------------------------------------------------------------------------

    /**
     * Completes the future with {@code result} (null allowed) and schedules its callbacks.
     *
     * @throws InvalidStateError if the future is already done
     */
    public void setResult(T result) {
        loop.checkThread();
        if (!completeValue(result)) {
            throw alreadyDone();
        }
    }

    /**
     * Completes the future with {@code exception} and schedules its callbacks; awaiting the
     * future or calling {@link #result()} rethrows this very exception.
     *
     * @throws InvalidStateError if the future is already done
     */
    public void setException(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        loop.checkThread();
        if (!completeError(exception)) {
            throw alreadyDone();
        }
    }

    /**
     * Cancels the future with message {@code msg} (may be null) and schedules its callbacks.
     * Overridden by {@link Task}, which delivers the cancellation into its coroutine.
     *
     * @return false if the future was already done, true if this call cancelled it
     */
    public boolean cancel(String msg) {
        loop.checkThread();
        return completeCancelled(msg);
    }

    /** Cancels the future without a message; see {@link #cancel(String)}. */
    public boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future; the {@link java.util.concurrent.Future} spelling of {@link #cancel()}.
     * The flag is ignored: nothing runs on another thread to interrupt.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel();
    }

    /** Whether the future was cancelled; any thread. */
    public boolean cancelled() {
        return state == CANCELLED;
    }

    /** Whether the future is done: it has a result or an exception, or was cancelled. */
    public boolean done() {
        return state != PENDING;
    }

    /**
     * The result; any thread. If the future completed with an exception, that very exception
     * is thrown, unchanged and unwrapped, even when it is a checked one.
     *
     * @throws InvalidStateError if the future is pending
     * @throws CancelledError if the future was cancelled: the same instance for every call and
     *     every await of this future
     */
    @SuppressWarnings("unchecked")
    public T result() {
        return (T) outcome();
    }

    /**
     * The exception the future completed with, or null if it completed with a result; any
     * thread.
     *
     * @throws InvalidStateError if the future is pending
     * @throws CancelledError if the future was cancelled
     */
    public Throwable exception() {
        switch (state) {
            case PENDING:
                throw new InvalidStateError("Exception is not set.");
            case CANCELLED:
                throw cancelledError();
            case ERROR:
                return (Throwable) value;
            default:
                return null;
        }
    }

    /**
     * Registers {@code callback} to be called with this future once it is done. It never runs
     * inline: if the future is already done it is scheduled with the loop's {@code callSoon}.
     * Callbacks run in registration order, one per loop callback; registering the same callback
     * twice calls it twice.
     */
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.checkThread();
        DoneCallback<T> entry = new DoneCallback<>(this, callback);
        if (done()) {
            loop.checkOpen();
            loop.enqueue(entry);
        } else {
            append(entry);
        }
    }

    /**
     * Unregisters every registration of {@code callback} (compared with {@code equals}).
     *
     * @return how many registrations were removed
     */
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        loop.checkThread();
        Object cbs = callbacks;
        if (cbs instanceof ArrayList) {
            ArrayList<?> list = (ArrayList<?>) cbs;
            int before = list.size();
            list.removeIf(e -> e instanceof DoneCallback && ((DoneCallback<?>) e).isOf(callback));
            int removed = before - list.size();
            if (list.isEmpty()) {
                callbacks = null;
            }
            return removed;
        }
        if (cbs instanceof DoneCallback && ((DoneCallback<?>) cbs).isOf(callback)) {
            callbacks = null;
            return 1;
        }
        return 0;
    }

    // ---- task waiters ------------------------------------------------------------------------

    /** Registers {@code task} to be queued (its step run) when this future is done. */
    void addWaiter(Task<?> task) {
        append(task);
    }

    /** Unregisters the first registration of {@code task}; whether there was one. */
    boolean removeWaiter(Task<?> task) {
        Object cbs = callbacks;
        if (cbs == task) {
            callbacks = null;
            return true;
        }
        if (cbs instanceof ArrayList) {
            ArrayList<?> list = (ArrayList<?>) cbs;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == task) {
                    list.remove(i);
                    if (list.isEmpty()) {
                        callbacks = null;
                    }
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void append(Object entry) {
        Object cbs = callbacks;
        if (cbs == null) {
            callbacks = entry;
        } else if (cbs instanceof ArrayList) {
            ((ArrayList<Object>) cbs).add(entry);
        } else {
            ArrayList<Object> list = new ArrayList<>(4);
            list.add(cbs);
            list.add(entry);
            callbacks = list;
        }
    }

    private void scheduleCallbacks() {
        Object cbs = callbacks;
        if (cbs == null) {
            return;
        }
        callbacks = null;
        if (cbs instanceof ArrayList) {
            for (Object entry : (ArrayList<?>) cbs) {
                loop.enqueue(entry);
            }
        } else {
            loop.enqueue(cbs);
        }
    }

    /**
     * Waits for this future on behalf of a woven frame: the value now if done, otherwise the
     * frame's task is suspended until completion. Internal protocol of woven code.
     */
    @Override
    public Object awaitFrom(Frame caller) {
        if (!done()) {
            Task.running(caller).suspendOn(caller, this);
            return Frame.SUSPENDED;
        }
        try {
            return outcome();
        } catch (Throwable t) {
            if (state == ERROR) { // made elsewhere, earlier: show who awaited it
                AsyncStackTrace.awaitedInline(t, caller);
            }
            throw t;
        }
    }

    // ---- java.util.concurrent ----------------------------------------------------------------

    /** Same as {@link #done()}; any thread. */
    @Override
    public boolean isDone() {
        return done();
    }

    /** Same as {@link #cancelled()}; any thread. */
    @Override
    public boolean isCancelled() {
        return cancelled();
    }

    /**
     * Waits for the future and returns its result, the {@code java.util.concurrent} way: a
     * failure comes wrapped in {@link ExecutionException}, a cancellation as
     * {@link CancelledError}. On another thread it blocks until the loop completes the future.
     *
     * @throws IllegalStateException if called on the loop's thread while the future is pending,
     *     which would block the loop forever (await the future instead), or if the loop is
     *     closed while the future is pending
     */
    @Override
    public T get() throws InterruptedException, ExecutionException {
        try {
            return OffLoopFutureAccess.get(this, -1);
        } catch (TimeoutException e) {
            throw new AssertionError("an untimed wait timed out", e);
        }
    }

    /** {@link #get()} with a time limit; see there. */
    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        Objects.requireNonNull(unit, "unit");
        return OffLoopFutureAccess.get(this, Math.max(0, unit.toNanos(timeout)));
    }

    /**
     * A new {@link CompletableFuture} completed with this future's outcome: its result, its
     * exception (unwrapped), or a {@link CancelledError} (so the {@code CompletableFuture}
     * reports itself cancelled). Any thread. Completed at once if this future is done; otherwise
     * from a done callback on the loop's thread, where dependent stages then run. Cancelling the
     * returned {@code CompletableFuture} does not cancel this future.
     *
     * @throws IllegalStateException if this future is pending and its loop is closed
     */
    public CompletableFuture<T> toCompletableFuture() {
        return OffLoopFutureAccess.toCompletableFuture(this);
    }

    // ---- description ---------------------------------------------------------------------------

    private InvalidStateError alreadyDone() {
        return new InvalidStateError("future is already done: " + this);
    }

    /** Like asyncio's repr: {@code <Future pending>}, {@code <Future finished result='x'>}. */
    @Override
    public String toString() {
        return "<Future " + describeState() + ">";
    }

    /** {@code pending}, {@code cancelled}, {@code finished result=...} or {@code exception=...}. */
    String describeState() {
        switch (state) {
            case PENDING:
                return "pending";
            case CANCELLED:
                return "cancelled";
            case RESULT:
                return "finished result=" + repr(value);
            case DEFERRED:
                return "finished result=<computed when taken>";
            default:
                Throwable t = (Throwable) value;
                String msg = t.getMessage();
                return "finished exception=" + t.getClass().getSimpleName()
                        + (msg == null ? "()" : "(" + repr(msg) + ")");
        }
    }

    private static String repr(Object v) {
        String s = v instanceof CharSequence || v instanceof Character ? "'" + v + "'"
                : String.valueOf(v);
        return s.length() <= MAX_REPR ? s : s.substring(0, MAX_REPR - 3) + "...";
    }
}
