package dev.weft.internal;

import dev.weft.EventLoop;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The event loop's internals that weft's own packages need: the selector, the loop's reusable I/O
 * buffer, the thread check and the exception reporter ({@code dev.weft.net}), and the loop's owner
 * thread ({@code dev.weft.internal.primitives.LoopBinding}, for the sync and queue primitives).
 *
 * <p>Not API: public only because those packages live in another package than the loop
 * and the loop's internals must stay package-private there. The one instance is installed by
 * {@code dev.weft} when its selector class initialises (the same pattern as the JDK's
 * {@code SharedSecrets}); application code must not call it.
 *
 * <p>Threading: {@link #get()} and {@link #owner} are safe on any thread; every other method must
 * be called on the loop's thread, like the loop methods it stands for.
 */
public abstract class LoopAccess {
    private static volatile LoopAccess instance;

    /** For the one implementation in {@code dev.weft}. */
    protected LoopAccess() {
    }

    /** Installs the implementation; the first call wins, later ones are ignored. */
    public static void install(LoopAccess bridge) {
        synchronized (LoopAccess.class) {
            if (instance == null) {
                instance = bridge;
            }
        }
    }

    /** The installed instance; initialises the loop's selector class if needed. */
    public static LoopAccess get() {
        LoopAccess b = instance;
        if (b != null) {
            return b;
        }
        try {
            Class.forName("dev.weft.SelectorIo", true, LoopAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("weft runtime is incomplete: dev.weft.SelectorIo is "
                    + "missing from the class path", e);
        }
        return instance;
    }

    /** Fails with {@link IllegalStateException} unless called on {@code loop}'s thread. */
    public abstract void checkThread(EventLoop loop);

    /**
     * The thread {@code loop} belongs to: the one running it, or the last one that ran it, or its
     * creator if none has; one volatile read. Safe on any thread (it is how a caller checks).
     */
    public abstract Thread owner(EventLoop loop);

    /**
     * Registers {@code channel} (non-blocking) with {@code loop}'s selector for {@code ops};
     * {@code handler} is called on the loop thread each time the key is ready. Registering an
     * already registered channel replaces its ops and handler.
     */
    public abstract SelectionKey register(EventLoop loop, SelectableChannel channel, int ops,
            Consumer<SelectionKey> handler) throws ClosedChannelException;

    /**
     * Registers {@code generator}, whose body is about to run for the first time, with the loop
     * running on this thread, so that {@code shutdownAsyncGenerators} can close it.
     *
     * @return that loop, to hand to {@link #asyncGeneratorFinished}; null if none runs here
     */
    public abstract EventLoop asyncGeneratorStarted(dev.weft.AsyncGenerator<?> generator);

    /** Unregisters {@code generator}, which ended, from {@code loop}. */
    public abstract void asyncGeneratorFinished(EventLoop loop, dev.weft.AsyncGenerator<?> generator);

    /**
     * Wraps {@code coro} in a task of {@code loop} and runs its first step at once, on the caller's
     * stack (inside the current task's step, if any), as an eager task factory would; it goes on
     * as an ordinary task if it suspends.
     */
    public abstract <T> dev.weft.Future<T> startEagerly(EventLoop loop, dev.weft.Coroutine<T> coro);

    /**
     * The loop's reusable direct buffer for socket reads and writes. Its content is only valid
     * until the caller returns to the loop; callers clear it before use.
     */
    public abstract ByteBuffer ioBuffer(EventLoop loop);

    /**
     * Runs {@code flush} once at the end of {@code loop}'s current iteration, after its ready
     * batch and before its next poll (of the next iteration when none runs): how a transport
     * turns the writes of one iteration into one system call.
     */
    public abstract void flushAtEndOfIteration(EventLoop loop, Runnable flush);

    /** Reports an exception through the loop's exception handler, as a failing callback would. */
    public abstract void reportException(EventLoop loop, String context, Throwable t);

    /**
     * Registers {@code hook} to run when {@code loop} closes (once, at the start of
     * {@code close()}, possibly on another thread than the loop's); returns a {@link Runnable}
     * that unregisters it. Any thread.
     *
     * @throws IllegalStateException if the loop is closed
     */
    public abstract Runnable onClose(EventLoop loop, Runnable hook);

    /** The loop running on the calling thread, or null; any thread. */
    public abstract EventLoop runningLoop();

    /**
     * Starts the eager {@code @Async} body {@code frame} as a task of {@code loop}, the loop
     * running on the calling thread, and runs its first step at once.
     *
     * @return a completed future if the step finished the body, else a {@link TaskFuture}
     */
    public abstract CompletableFuture<Object> startEager(EventLoop loop, Frame frame);

    /**
     * Clears the current task of the loop running on the calling thread, if any, for code that
     * runs there but not as that task (an off-loop eager body resumed by a task).
     *
     * @return what {@link #returnToTask} restores
     */
    public abstract Object leaveTask();

    /** Restores the current task {@link #leaveTask} cleared; null does nothing. */
    public abstract void returnToTask(Object token);

    /**
     * Reports an exception naming the object it concerns (a transport, a server, a generator),
     * which the handler finds in {@link dev.weft.ExceptionContext#source()}.
     */
    public abstract void reportException(EventLoop loop, String context, Throwable t, Object source);
}
