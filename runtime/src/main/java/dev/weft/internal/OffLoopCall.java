package dev.weft.internal;

import dev.weft.CancelledError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The {@link CompletableFuture} an eager {@code @Async} method (one declared to return
 * {@code CompletableFuture<T>} or {@code CompletionStage<T>}) returns when it was called where no
 * event loop runs, and the driver of its frames while they wait: ea-async's model.
 *
 * <p>Without a loop a body can only wait for {@code CompletionStage}s: a pending
 * {@link dev.weft.Future}, a task or a sleep needs a loop to wake it, and awaiting one fails with
 * an {@link IllegalStateException} that says so ({@link #needsLoop}). Already completed ones are
 * read as usual. A body resumed on a loop's thread (the stage was completed by a task) runs
 * outside that loop's current task, so nothing it awaits is mistaken for that task's.
 *
 * <p>Cancellation: {@link #cancel} completes this future with a {@link CancelledError} at once
 * (so {@code isCancelled()} is true when it returns, as {@code CompletableFuture} promises), and
 * throws a {@code CancelledError} into the body at the await where it waits — on the cancelling
 * thread, which then runs the body's {@code finally} blocks — or at its next suspending await if
 * it is running. The awaited stage itself is not cancelled: it belongs to someone else. What the
 * body returns after a cancellation is dropped.
 *
 * <p>Threading: any thread. Null policy: the body may complete with null.
 */
final class OffLoopCall extends CompletableFuture<Object> {
    /*
     * Implementation overview. start runs the body on the calling thread with a marker
     * (STARTING) in place of a task. A body that never suspends costs its frame and one
     * completed CompletableFuture, which is what the method returns: no driver is made. The
     * first await of a pending CompletionStage (await) makes the driver, this
     * object, and registers a Waker on the stage; the frames save themselves and return
     * Frame.SUSPENDED as they do under a task. Whichever thread completes the stage then
     * resumes the innermost frame and runs the same trampoline as a task's step, handing each
     * finished frame's value to its caller, until the next suspension or the end, which completes
     * this future. Each suspension has its own waker, which takes the first of two outcomes: the
     * stage's, or a CancelledError from cancel. The waker's outcome may arrive
     * before the suspending thread has finished returning SUSPENDED (the stage completed on
     * another thread meanwhile); then the suspending thread goes on itself, so the frames are never
     * run by two threads at once. One monitor orders these hand-offs and makes each thread see the
     * frames as the previous one left them.
     */

    /** The driver of a root frame that has not suspended yet: no driver object exists. */
    static final Object STARTING = new Sentinel("OFF_LOOP_STARTING");

    /** Guards {@link #pending}, {@link #cancelRequested} and every waker's hand-off fields. */
    private final Object lock = new Object();
    /**
     * The waker of the pending suspension, until a thread takes it to resume the body; the body
     * is parked on it unless it is claimed.
     */
    private Waker pending;
    /** Whether a cancellation waits for the next suspension (the body was running). */
    private boolean cancelRequested;

    private OffLoopCall() {
    }

    /**
     * Runs {@code frame}'s body on the calling thread until it completes or first waits.
     *
     * @return a completed future if the body did not suspend, else the driver
     */
    static CompletableFuture<Object> start(Frame frame) {
        frame.startDriven(STARTING);
        Object value;
        try {
            value = frame.run();
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
        if (value != Frame.SUSPENDED) {
            return CompletableFuture.completedFuture(value);
        }
        Object driver = frame.driver();
        if (!(driver instanceof OffLoopCall)) {
            return CompletableFuture.failedFuture(suspendedWithoutStage(frame));
        }
        OffLoopCall call = (OffLoopCall) driver;
        Waker next = call.park(frame);
        if (next != null) {
            call.drive(next);
        }
        return call;
    }

    /**
     * Suspends {@code caller}, a frame of a chain driven by {@code driver}, until the pending
     * {@code stage} completes; the {@code Weft.await} of a stage where no task runs.
     *
     * @return {@link Frame#SUSPENDED}
     */
    static Object await(CompletionStage<?> stage, Frame caller, Object driver) {
        OffLoopCall call;
        if (driver == STARTING) {
            call = new OffLoopCall();
            caller.redrive(call);
        } else if (driver instanceof OffLoopCall) {
            call = (OffLoopCall) driver;
        } else {
            throw new IllegalStateException("coroutine " + caller.site() + " awaits a pending "
                    + "CompletionStage but is not running: await it from a task or an @Async method");
        }
        return call.suspend(caller, stage);
    }

    private Object suspend(Frame caller, CompletionStage<?> stage) {
        Waker w = new Waker(this, caller);
        boolean cancelNow;
        synchronized (lock) {
            pending = w;
            cancelNow = cancelRequested;
            cancelRequested = false;
            if (cancelNow) {
                w.claim(null, new CancelledError());
            }
        }
        if (!cancelNow) {
            stage.whenComplete(w);
        }
        return Frame.SUSPENDED;
    }

    /**
     * Called by the thread whose body just returned {@code SUSPENDED}: parks the body, or, when
     * the outcome of its await already arrived, answers that waker for this thread to go on.
     */
    private Waker park(Frame suspended) {
        synchronized (lock) {
            Waker w = pending;
            if (w == null) {
                // only an await of a stage suspends a body here; anything else is a weft bug
                completeExceptionally(suspendedWithoutStage(suspended));
                return null;
            }
            if (w.claimed) {
                pending = null; // taken: this thread resumes the body with it
                return w;
            }
            w.parked = true;
            return null;
        }
    }

    /** Hands {@code w} its outcome unless it has one; resumes the body here if it is parked. */
    void offer(Waker w, Object value, Throwable error) {
        synchronized (lock) {
            if (w.claimed) {
                return;
            }
            w.claim(value, error);
            if (!w.parked) {
                return; // the suspending thread is still on its way out: it goes on itself
            }
            pending = null; // taken: this thread resumes the body with it
        }
        Object outside = LoopAccess.get().leaveTask();
        try {
            drive(w);
        } finally {
            LoopAccess.get().returnToTask(outside);
        }
    }

    /** Hands the awaited outcome to the parked frame; a failure made elsewhere shows that frame. */
    private static void resume(Frame frame, Waker w) {
        if (w.error != null) {
            AsyncStackTrace.delivered(w.error, frame);
        }
        frame.resumeWith(w.value, w.error);
    }

    /** The trampoline: runs from {@code w}'s frame until the body parks again or completes. */
    private void drive(Waker w) {
        Frame frame = w.frame;
        resume(frame, w);
        for (;;) {
            Object value;
            Throwable error = null;
            try {
                value = frame.run();
            } catch (Throwable t) {
                value = null;
                error = t;
            }
            if (error == null && value == Frame.SUSPENDED) {
                Waker next = park(frame);
                if (next == null) {
                    return;
                }
                frame = next.frame;
                resume(frame, next);
                continue;
            }
            Frame caller = frame.detachCaller();
            if (caller == null) {
                settle(value, error);
                return;
            }
            if (error != null) {
                caller.addToStackTrace(error);
            }
            caller.resumeWith(value, error);
            frame = caller;
        }
    }

    private void settle(Object value, Throwable error) {
        if (error == null) {
            complete(value);
        } else {
            completeExceptionally(error);
        }
    }

    /**
     * Cancels this future and the body: see the class comment.
     *
     * @param mayInterruptIfRunning ignored: the body is never interrupted, it gets a
     *     {@code CancelledError} at its await
     * @return whether this future is now cancelled
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!completeExceptionally(new CancelledError())) {
            return isCancelled();
        }
        Waker resume = null;
        synchronized (lock) {
            Waker w = pending;
            if (w == null || w.claimed) {
                cancelRequested = true; // the body runs: its next suspension gets it
            } else {
                w.claim(null, new CancelledError());
                if (w.parked) {
                    pending = null; // taken: this thread resumes the body with it
                    resume = w;
                }
            }
        }
        if (resume != null) {
            Object outside = LoopAccess.get().leaveTask();
            try {
                drive(resume);
            } finally {
                LoopAccess.get().returnToTask(outside);
            }
        }
        return true;
    }

    private static IllegalStateException suspendedWithoutStage(Frame frame) {
        return new IllegalStateException(frame.site() + " suspended without an event loop at "
                + "something other than a CompletionStage; this is a weft bug, please report it");
    }

    /** The error for awaiting something only a loop can wake, in a chain that has no loop. */
    static IllegalStateException needsLoop(Frame frame) {
        return new IllegalStateException(frame.site() + " awaits a pending dev.weft.Future, task "
                + "or sleep without an event loop: it runs in an @Async method returning "
                + "CompletableFuture or CompletionStage that was called where no loop runs, and such a "
                + "body can wait only for CompletionStages; call the method on a loop (inside "
                + "Weft.run or a task) to await weft's own awaitables");
    }

    @Override
    public String toString() {
        return "<eager @Async call off the loop " + super.toString() + ">";
    }

    /**
     * One suspension's wake-up: registered on the awaited stage, it passes the stage's outcome
     * (unwrapped from {@link CompletionException}) to the driver. Its fields are guarded by the
     * driver's lock.
     */
    static final class Waker implements BiConsumer<Object, Throwable> {
        private final OffLoopCall call;
        final Frame frame;
        /** Whether the outcome is decided (the stage's or a cancellation). */
        boolean claimed;
        /** Whether the suspending thread has finished returning and left the body to the waker. */
        boolean parked;
        Object value;
        Throwable error;

        Waker(OffLoopCall call, Frame frame) {
            this.call = call;
            this.frame = frame;
        }

        void claim(Object v, Throwable e) {
            claimed = true;
            value = v;
            error = e;
        }

        @Override
        public void accept(Object v, Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            call.offer(this, v, cause);
        }
    }
}
