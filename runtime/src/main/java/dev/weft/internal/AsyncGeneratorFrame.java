package dev.weft.internal;

import dev.weft.AsyncGenerator;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.GeneratorExit;
import dev.weft.GeneratorState;
import dev.weft.Weft;
import java.util.NoSuchElementException;

/**
 * The frame of one call of a woven {@code @Async AsyncGenerator<Y>} method, which is also the
 * generator object the call returns.
 *
 * <p>Life cycle on the loop: when the body first runs, the generator registers with the running
 * loop (asyncio's {@code firstiter} hook), which closes it at shutdown if it is still open
 * ({@code EventLoop.shutdownAsyncGenerators}); it unregisters when it ends. {@link #close()}
 * drives the cleanup eagerly, in a task whose first step runs on the spot (see there).
 *
 * <p>Threading: confined to the loop thread of the consuming task.
 */
public final class AsyncGeneratorFrame extends Frame implements AsyncGenerator<Object> {
    /*
     * Implementation overview. The generator runs as a child frame of whichever coroutine awaits
     * its hasNext() (or aclose()): it joins that coroutine's task, so its awaits
     * suspend the consumer exactly as a nested coroutine's would, and the task's trampoline resumes
     * it directly. Its Weft.yield(y) parks y and suspends the body like an await,
     * and run() — the one call through which both the first run and every resume go —
     * turns "suspended at a yield" into "completed with true", so the consumer's await
     * returns and the generator detaches from the consumer until the next hasNext(). An
     * ended body completes the await with false.
     */

    private GeneratorState genState = GeneratorState.CREATED;
    private boolean yieldedNow;
    private boolean hasValue;
    private Object current;
    private boolean closing;
    /** Suspended at an await inside the body (not at a yield): the consumer's task waits with it. */
    private boolean awaiting;
    /** The loop this generator registered with when it started; null before, and once ended. */
    private EventLoop registry;
    private final Step step = new Step();
    private final Close closer = new Close();

    /** Creates the frame of one async generator call; called by woven factories. */
    public AsyncGeneratorFrame(MethodInfo info) {
        super(info);
    }

    @Override
    public Coroutine<Boolean> hasNext() {
        return step;
    }

    @Override
    public Object next() {
        if (!hasValue) {
            throw new NoSuchElementException("no value from async generator " + site()
                    + ": await hasNext() first, and call next() once per true answer");
        }
        hasValue = false;
        Object v = current;
        current = null;
        return v;
    }

    @Override
    public Coroutine<Void> aclose() {
        return closer;
    }

    /**
     * Closes the generator for try-with-resources: its cleanup starts at once, in a task whose
     * first step runs inside this call, so a {@code finally} that does not suspend has run when
     * this returns (asyncio's {@code aclosing}), and its exception (or an
     * {@code IllegalStateException} if the generator yields again) is thrown here. A cleanup that
     * suspends goes on in that task; a failure then is reported to the loop's exception handler.
     * Await {@link #aclose()} to wait for such a cleanup. Idempotent: closing an unstarted,
     * finished or closing generator does nothing.
     */
    @Override
    public void close() {
        if (genState == GeneratorState.CREATED || genState == GeneratorState.CLOSED) {
            ended();
            return;
        }
        if (closing && awaiting) {
            return; // a close is already under way, waiting in its cleanup
        }
        EventLoop loop;
        try {
            loop = Weft.loop();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("async generator " + site() + " needs a running loop to "
                    + "run its cleanup: close it from a coroutine, or await aclose()", e);
        }
        Future<Void> cleanup = LoopAccess.get().startEagerly(loop, closer);
        if (cleanup.done()) {
            cleanup.result(); // its failure, thrown unchanged
            return;
        }
        cleanup.addDoneCallback(f -> {
            if (!f.cancelled() && f.exception() != null) {
                LoopAccess.get().reportException(loop, "an error occurred during closing of asynchronous generator "
                        + site(), f.exception(), this);
            }
        });
    }

    /** The generator is closed for good: it leaves its loop's registry. */
    private void ended() {
        genState = GeneratorState.CLOSED;
        EventLoop loop = registry;
        if (loop != null) {
            registry = null;
            LoopAccess.get().asyncGeneratorFinished(loop, this);
        }
    }

    @Override
    public GeneratorState state() {
        return genState;
    }

    /** Async generators are iterated, not awaited. */
    @Override
    public Object awaitFrom(Frame awaiter) {
        throw new IllegalStateException("async generator " + site() + " cannot be awaited: await "
                + "its hasNext() and read next()");
    }

    // ---- the engine ------------------------------------------------------------------------

    /** Joins the consumer {@code awaiter} and runs the body until it yields, ends or awaits. */
    private Object resume(Frame awaiter, Throwable thrown) {
        if (genState == GeneratorState.RUNNING || awaiting) {
            throw new IllegalStateException("async generator " + site() + " is already running: "
                    + "await one hasNext() or aclose() at a time");
        }
        attach(awaiter);
        if (!isCreated()) {
            resumeWith(null, thrown);
        } else if (thrown != null) {
            ended();
            detachCaller();
            throw Sneaky.<RuntimeException>raise(thrown);
        } else {
            registry = LoopAccess.get().asyncGeneratorStarted(this); // asyncio's firstiter hook
        }
        return run();
    }

    /** Runs or resumes the body; a yield or the end completes the consumer's await. */
    @Override
    public Object run() {
        genState = GeneratorState.RUNNING;
        yieldedNow = false;
        awaiting = false;
        Object result;
        try {
            result = super.run();
        } catch (GeneratorExit e) {
            ended();
            if (closing) {
                return null; // the expected end of aclose()
            }
            throw e;
        } catch (Throwable t) {
            ended();
            throw t;
        }
        if (result == SUSPENDED && !yieldedNow) {
            genState = GeneratorState.SUSPENDED; // awaiting: the consumer's task waits with us
            awaiting = true;
            return SUSPENDED;
        }
        if (result == SUSPENDED) {
            genState = GeneratorState.SUSPENDED;
            if (closing) {
                throw new IllegalStateException("async generator " + site() + " ignored GeneratorExit: "
                        + "it yielded again while being closed");
            }
            hasValue = true;
            return Boolean.TRUE;
        }
        ended();
        return closing ? null : Boolean.FALSE;
    }

    Object parkYield(Object value) {
        current = value;
        yieldedNow = true;
        return SUSPENDED;
    }

    /** The awaitable behind {@link #hasNext()}; one per generator, so a step allocates nothing. */
    private final class Step implements Coroutine<Boolean>, Awaitable {
        @Override
        public Object awaitFrom(Frame awaiter) {
            if (hasValue) {
                return Boolean.TRUE;
            }
            if (genState == GeneratorState.CLOSED) {
                return Boolean.FALSE;
            }
            closing = false;
            return resume(awaiter, null);
        }
    }

    /** The awaitable behind {@link #aclose()}. */
    private final class Close implements Coroutine<Void>, Awaitable {
        @Override
        public Object awaitFrom(Frame awaiter) {
            hasValue = false;
            current = null;
            if (genState == GeneratorState.CREATED || genState == GeneratorState.CLOSED) {
                ended();
                return null;
            }
            closing = true;
            return resume(awaiter, new GeneratorExit());
        }
    }
}
