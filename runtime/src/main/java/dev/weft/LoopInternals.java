package dev.weft;

import dev.weft.internal.Frame;
import dev.weft.internal.LoopAccess;
import dev.weft.internal.TaskFuture;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The implementation of {@link LoopAccess}: hands the networking package the loop's selector,
 * I/O buffer, thread check and exception reporter, and {@code dev.weft.internal.primitives} the
 * loop's owner thread, without making them public API.
 *
 * <p>Stateless; installed once by {@link SelectorIo}'s static initialiser.
 */
final class LoopInternals extends LoopAccess {

    @Override
    public void checkThread(EventLoop loop) {
        loop.checkOpen();
        loop.checkThread();
    }

    @Override
    public Thread owner(EventLoop loop) {
        return loop.ownerThread();
    }

    @Override
    public SelectionKey register(EventLoop loop, SelectableChannel channel, int ops,
            Consumer<SelectionKey> handler) throws ClosedChannelException {
        return loop.io.register(channel, ops, handler);
    }

    @Override
    public EventLoop asyncGeneratorStarted(AsyncGenerator<?> generator) {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            loop.asyncGenerators.started(generator);
        }
        return loop;
    }

    @Override
    public void asyncGeneratorFinished(EventLoop loop, AsyncGenerator<?> generator) {
        loop.asyncGenerators.finished(generator);
    }

    /** Creates the task unscheduled and runs its first step now, inside the caller's step. */
    @Override
    public <T> Future<T> startEagerly(EventLoop loop, Coroutine<T> coro) {
        return Task.startEagerly(loop, coro, null);
    }

    @Override
    public ByteBuffer ioBuffer(EventLoop loop) {
        return loop.io.ioBuffer();
    }

    @Override
    public void flushAtEndOfIteration(EventLoop loop, Runnable flush) {
        loop.io.scheduleFlush(flush);
    }

    @Override
    public void reportException(EventLoop loop, String context, Throwable t) {
        loop.reportException(context, t);
    }

    @Override
    public Runnable onClose(EventLoop loop, Runnable hook) {
        return loop.closeHooks.add(hook);
    }

    @Override
    public EventLoop runningLoop() {
        return EventLoop.currentOrNull();
    }

    @Override
    public CompletableFuture<Object> startEager(EventLoop loop, Frame frame) {
        return EagerCall.start(loop, frame);
    }

    @Override
    public Object leaveTask() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop == null || loop.currentTask == null) {
            return null;
        }
        Task<?> t = loop.currentTask;
        loop.currentTask = null;
        return t;
    }

    @Override
    public void returnToTask(Object token) {
        if (token != null) {
            EventLoop.currentOrNull().currentTask = (Task<?>) token;
        }
    }

    @Override
    public void reportException(EventLoop loop, String context, Throwable t, Object source) {
        loop.reportException(context, t, source);
    }

    /**
     * Starts an eager {@code @Async} method (one declared to return {@code CompletableFuture<T>} or
     * {@code CompletionStage<T>}) called on a loop thread: its body becomes a task of that loop whose
     * first step runs at once, inside the call, as asyncio's eager tasks do.
     *
     * <p>The task is made without being queued and stepped in place; a step saves and restores the
     * loop's current task and context around itself, so this works from inside another task's step
     * as well as from a plain callback. During the step the body is the current task and runs in a
     * copy of the caller's {@link ContextVar} values; what it sets there stays its own. A body that
     * finishes in that step yields an already completed {@code CompletableFuture} (the task is done
     * and forgotten: nothing is reported for it); one that suspends yields a {@link TaskFuture} that
     * the task completes.
     *
     * <p>Stateless; loop thread only.
     */
    private static final class EagerCall {
        private EagerCall() {
        }

        static CompletableFuture<Object> start(EventLoop loop, Frame frame) {
            Task<Object> task = Task.startEagerly(loop, asCoroutine(frame), null);
            if (task.done()) {
                return TaskFuture.settled(task);
            }
            return TaskFuture.of(task);
        }

        @SuppressWarnings("unchecked")
        private static Coroutine<Object> asCoroutine(Frame frame) {
            return (Coroutine<Object>) (Coroutine<?>) frame;
        }
    }
}
