package dev.weft;

import dev.weft.internal.Body;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;
import dev.weft.internal.Sneaky;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Structured concurrency: a body that starts child tasks and does not end before all of them
 * have (asyncio 3.11's {@code TaskGroup}).
 *
 * <pre>{@code
 * @Async static Coroutine<Void> main() {
 *     Weft.await(TaskGroup.run(group -> fetchAll(group, urls)));   // every child has finished here
 *     return Weft.done();
 * }
 *
 * @Async static Coroutine<Void> fetchAll(TaskGroup group, List<String> urls) {
 *     for (String url : urls) {
 *         group.createTask(fetch(url));
 *     }
 *     return Weft.done();
 * }
 * }</pre>
 *
 * <p>Rules, as in asyncio: when a child fails (with anything but a {@link CancelledError}), the
 * group cancels the other children and the body (the body gets a {@code CancelledError} at its
 * pending await). When the body ends, the group waits for every child. Then, if children or the
 * body failed, it throws one {@link ExceptionGroup} carrying all those failures (a child's
 * cancellation is not a failure). A cancellation of the task running the group from outside
 * cancels every child too, waits for them, and propagates as {@code CancelledError}; the group
 * tells its own cancellation of the task from an outside one by {@link Task#cancelling()}. When
 * both happen (a child fails and the task is cancelled from outside), the {@code ExceptionGroup}
 * is thrown and the outside cancellation stays pending on the task, as in Python 3.13: a task
 * that catches the group gets {@code CancelledError} at its next await, or ends cancelled. A
 * child created after the group has finished, or while it is shutting down, is refused.
 *
 * <p>Why a body function and not try-with-resources: Java's {@code close()} can neither await
 * the children nor replace the exception leaving the block, and a body that runs inside the
 * group is what lets the group cancel it when a child fails. The function receives the group so
 * an {@code @Async} method can take it as a parameter; the function itself runs when the group
 * starts, so a lambda may also create tasks directly before returning its coroutine.
 *
 * <p>Threading: loop thread only. Null policy: no null arguments.
 */
public final class TaskGroup {
    private static final MethodInfo RUN = new MethodInfo(new GroupBody(), "dev.weft.TaskGroup.run(TaskGroup.java)", 0, 1);

    private final Function<? super TaskGroup, ? extends Coroutine<?>> bodyFn;
    private EventLoop loop;
    private Task<?> parent;
    private final Set<Task<?>> children = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Object bodyValue;
    private Throwable bodyError;
    private CancelledError propagateCancel;
    /** What the ending body waits on: completed when the last child is done. */
    private Future<Object> allDone;

    private TaskGroup(Function<? super TaskGroup, ? extends Coroutine<?>> bodyFn) {
        this.bodyFn = bodyFn;
    }

    /**
     * The coroutine that runs a task group: await it. When it starts it makes the group, calls
     * {@code body} with it and awaits the coroutine {@code body} returns; it completes with that
     * coroutine's value once every child task is done, or throws as the class comment says.
     *
     * @param body makes the group's body; typically {@code group -> myAsyncMethod(group, ...)}
     */
    @SuppressWarnings("unchecked")
    public static <T> Coroutine<T> run(Function<? super TaskGroup, ? extends Coroutine<T>> body) {
        Objects.requireNonNull(body, "body");
        Frame frame = new Frame(RUN);
        Frame.saveR(new TaskGroup(body), frame, 0);
        return (Coroutine<T>) (Coroutine<?>) frame;
    }

    /** Starts {@code coro} as a child task of this group; see {@link #createTask(Coroutine, String)}. */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * Starts {@code coro} as a child task named {@code name} (null: {@code Task-N}); it runs in a
     * copy of the current {@link ContextVar} context, like any task.
     *
     * @throws IllegalStateException if the group has not started, is shutting down after a
     *     failure or cancellation, or has finished
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        Objects.requireNonNull(coro, "coro");
        if (parent == null) {
            throw new IllegalStateException("this TaskGroup has not started: create tasks in its body");
        }
        if (exiting && children.isEmpty()) {
            throw new IllegalStateException("this TaskGroup has finished: it cannot start " + coro);
        }
        if (aborting) {
            throw new IllegalStateException("this TaskGroup is shutting down after a failure or "
                    + "cancellation: it cannot start " + coro);
        }
        Task<T> child = loop.createTask(coro, name);
        children.add(child);
        child.addDoneCallback(this::childDone); // which reads the child's error: it is retrieved
        return child;
    }

    // ---- the group's life, driven by GroupBody -------------------------------------------------

    private Coroutine<?> start() {
        EventLoop running = EventLoop.currentOrNull();
        Task<?> current = running == null ? null : running.currentTask;
        if (current == null) {
            throw NotWoven.explained("a TaskGroup must run in a task: await TaskGroup.run(...) in an @Async method");
        }
        loop = running;
        parent = current;
        return Objects.requireNonNull(bodyFn.apply(this), "the TaskGroup body function returned null");
    }

    private void childDone(Future<?> child) {
        children.remove(child);
        if (allDone != null && children.isEmpty() && !allDone.done()) {
            allDone.setResult(null);
        }
        if (child.cancelled() || child.exception() == null) {
            return;
        }
        errors.add(child.exception());
        if (parent.done()) {
            loop.reportException("a child of a TaskGroup failed after the group's task finished: " + child,
                    child.exception(), child);
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Stop the body too, but remember that this cancellation of the parent is ours.
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> t : new ArrayList<>(children)) {
            t.cancel();
        }
    }

    /** The body ended: record how, and stop the children if it did not end normally. */
    private void bodyEnded(Object value, Throwable error) {
        exiting = true;
        bodyValue = value;
        bodyError = error;
        if (error != null) {
            if (error instanceof CancelledError) {
                propagateCancel = (CancelledError) error;
            }
            if (!aborting) {
                abort();
            }
        }
    }

    /** Suspends on a fresh future until the children are done; null when they already are. */
    private Object awaitChildren(Frame frame) {
        if (children.isEmpty()) {
            return null;
        }
        allDone = loop.createFuture();
        return Frame.await(allDone, frame);
    }

    /** The wait for the children was cancelled: an outside cancellation stops the children too. */
    private void waitCancelled(CancelledError e) {
        allDone = null;
        if (!aborting) {
            propagateCancel = e;
            abort();
        }
    }

    /** Every child is done: the body's value, or the failures, or the outside cancellation. */
    private Object finish() {
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagateCancel = null; // the only cancellation was ours: do not propagate it
        }
        if (bodyError != null && !(bodyError instanceof CancelledError)) {
            errors.add(bodyError);
        }
        if (!errors.isEmpty()) {
            if (parent.cancelling() > 0) {
                // Cancelled from outside too: the failures win here, but the cancellation must not
                // be lost. As in 3.13, withdraw and renew the request (the count stays), so the
                // parent's next await raises CancelledError even if it catches the group.
                parent.uncancel();
                parent.cancel();
            }
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
        }
        if (propagateCancel != null) {
            throw propagateCancel;
        }
        return bodyValue;
    }

    @Override
    public String toString() {
        return "<TaskGroup tasks=" + children.size() + (aborting ? " cancelling" : "")
                + (exiting ? " exiting" : parent == null ? " not started" : " running") + ">";
    }

    /**
     * The body of {@link #run}'s coroutine, written by hand as the weaver would write it: start the
     * group, await the user's body inline, then wait until no child is left.
     */
    private static final class GroupBody implements Body {
        private static final int START = 0;
        private static final int BODY = 1;
        private static final int CHILDREN = 2;

        @Override
        public Object resume(Frame frame) {
            TaskGroup group = (TaskGroup) frame.peekR(0);
            if (frame.state == CHILDREN) {
                try {
                    frame.resumed();
                } catch (CancelledError e) {
                    group.waitCancelled(e);
                }
                return waitOrFinish(group, frame);
            }
            Object value;
            Throwable error = null;
            try {
                value = frame.state == START ? Frame.await(group.start(), frame) : frame.resumed();
                if (value == Frame.SUSPENDED) {
                    frame.state = BODY;
                    return value;
                }
            } catch (Throwable t) {
                if (group.parent == null) {
                    throw Sneaky.<RuntimeException>raise(t); // start() failed: no group to end
                }
                value = null;
                error = t;
            }
            group.bodyEnded(value, error);
            return waitOrFinish(group, frame);
        }

        private static Object waitOrFinish(TaskGroup group, Frame frame) {
            if (group.awaitChildren(frame) == Frame.SUSPENDED) {
                frame.state = CHILDREN;
                return Frame.SUSPENDED;
            }
            return group.finish();
        }
    }
}
