package dev.weft.internal;

import dev.weft.Generator;
import dev.weft.GeneratorExit;
import dev.weft.GeneratorState;
import dev.weft.StopIteration;
import dev.weft.Task;
import java.util.Iterator;
import java.util.Locale;

/**
 * The frame of one call of a woven {@code @Async Generator<Y, S>} method, which is also the
 * generator object the call returns.
 *
 * <p>A step is the hot path of every for-each over a generator, so it is kept to what the
 * semantics need: the life cycle is a {@code byte} (comparing it needs no enum {@code $SwitchMap}
 * and storing it no GC write barrier, which a reference field would), a null sent value is not
 * handed over at all (the body's {@code resumed()} answers null when nothing was set), and the
 * body is called directly rather than through {@link Frame#run()}, whose status bookkeeping
 * only coroutines need; {@link #phase} is this frame's one source of truth for where it is.
 *
 * <p>Threading: not thread-safe; one driver at a time, as for any iterator.
 */
public final class GeneratorFrame extends FieldSlotFrame implements Generator<Object, Object> {
    /*
     * Implementation overview. A generator body is woven like a coroutine body, with one
     * difference: its Weft.yield(y) is a suspension point where the body saves itself,
     * records its resume point and returns y itself (no runtime call, nothing parked here),
     * and before each of its own returns it sets Frame.state to FINISHED_STATE, which is how a
     * returned value is told from a yielded one. Driving the generator (step) resumes the body
     * with the sent value or the thrown exception and answers what it returned: no loop, no
     * allocation per element. Weft.yieldFrom (Frame.yieldFrom) runs the sub-generator once and
     * parks its first value here, the body answering SUSPENDED; while the sub-generator keeps
     * yielding, this frame stays suspended and forwards send/throwInto/close to it, and when it
     * finishes, the body resumes with its return value (PEP 380). Internally the end is signalled
     * by a sentinel, so delegation chains never throw StopIteration between woven
     * generators.
     */

    /** What {@link #step} answers once the body has returned (or the generator was closed). */
    static final Object FINISHED = new Sentinel("FINISHED");
    /**
     * What a woven generator body sets {@link Frame#state} to before it returns, so that its
     * returned value is told from a yielded one (the weaver's {@code RuntimeNames.FINISHED_STATE}).
     */
    public static final int FINISHED_STATE = -1;

    private static final byte CREATED = 0;
    private static final byte RUNNING = 1;
    private static final byte SUSPENDED_AT_YIELD = 2;
    private static final byte CLOSED = 3;

    /** Where the generator is: one of the four constants above, named as in {@link GeneratorState}. */
    private byte phase = CREATED;
    private Object yielded;
    private Generator<?, ?> delegate;
    private Object delegateResult;
    private Object returned;

    /** Creates the frame of one generator call; called by woven factories. */
    public GeneratorFrame(MethodInfo info) {
        super(info);
    }

    // ---- the public protocol ---------------------------------------------------------------

    @Override
    public Object next() {
        return valueOrStop(step(null, null));
    }

    @Override
    public Object send(Object value) {
        return valueOrStop(step(value, null));
    }

    @Override
    public Object throwInto(Throwable error) {
        if (error == null) {
            throw new NullPointerException("throwInto(null)");
        }
        return valueOrStop(step(null, error));
    }

    @Override
    public void close() {
        if (phase == CLOSED) {
            return;
        }
        if (phase == CREATED) {
            phase = CLOSED;
            return;
        }
        Object next;
        try {
            next = step(null, new GeneratorExit());
        } catch (GeneratorExit | StopIteration expected) {
            return;
        }
        if (next != FINISHED) {
            throw new IllegalStateException("generator " + site() + " ignored GeneratorExit: it "
                    + "yielded again while being closed; let GeneratorExit propagate from the yield");
        }
    }

    @Override
    public GeneratorState state() {
        switch (phase) {
            case CREATED: return GeneratorState.CREATED;
            case RUNNING: return GeneratorState.RUNNING;
            case SUSPENDED_AT_YIELD: return GeneratorState.SUSPENDED;
            default: return GeneratorState.CLOSED;
        }
    }

    /** A for-each over the values still to come, driving {@link #step} without exceptions. */
    @Override
    public Iterator<Object> iterator() {
        return new GeneratorIterator(this);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R returnValue() {
        return (R) returned;
    }

    /** Generators are iterated, not awaited. */
    @Override
    public Object awaitFrom(Frame awaiter) {
        throw new IllegalStateException("generator " + site() + " cannot be awaited: iterate it "
                + "with next()/send(), or delegate to it with Weft.yieldFrom(...)");
    }

    /** Generators are iterated, not run as tasks. */
    @Override
    public void startAsRoot(Task<?> owner) {
        throw new IllegalStateException("generator " + site() + " cannot run as a task: iterate it "
                + "with next()/send(), or delegate to it with Weft.yieldFrom(...)");
    }

    @Override
    public String toString() {
        return "<generator " + site() + " " + state().name().toLowerCase(Locale.ROOT) + ">";
    }

    private Object valueOrStop(Object step) {
        if (step == FINISHED) {
            throw new StopIteration(returned);
        }
        return step;
    }

    // ---- the engine ------------------------------------------------------------------------

    /**
     * Resumes the generator with a sent value or an exception to throw at its yield.
     *
     * @return the next yielded value, or {@link #FINISHED} once the body has returned
     */
    Object step(Object sent, Throwable thrown) {
        byte p = phase;
        // The first next() is checked here too, so the out-of-line check (a call that takes
        // this frame, which would keep the JIT from scalar-replacing it) runs only on misuse and
        // after the end.
        boolean plain = p == SUSPENDED_AT_YIELD || p == CREATED && sent == null && thrown == null;
        if (!plain && !mayRun(sent, thrown)) {
            return FINISHED;
        }
        phase = RUNNING;
        return delegate != null ? stepDelegate(sent, thrown) : resumeBody(sent, thrown);
    }

    /**
     * Checks a step that does not resume a suspended yield: whether the body may run (it has
     * not started and is started properly), false when it is closed and nothing runs.
     */
    private boolean mayRun(Object sent, Throwable thrown) {
        switch (phase) {
            case RUNNING:
                throw new IllegalStateException("generator " + site() + " is already running: "
                        + "a generator cannot be resumed from inside itself");
            case CLOSED:
                if (thrown != null) {
                    throw Sneaky.<RuntimeException>raise(thrown);
                }
                return false;
            default: // CREATED
                if (thrown != null) {
                    phase = CLOSED;
                    throw Sneaky.<RuntimeException>raise(thrown);
                }
                if (sent != null) {
                    throw new IllegalStateException("cannot send a non-null value to the just-created "
                            + "generator " + site() + ": start it with next() or send(null)");
                }
                return true;
        }
    }

    private Object stepDelegate(Object sent, Throwable thrown) {
        Generator<?, ?> sub = delegate;
        if (thrown instanceof GeneratorExit) {
            delegate = null; // PEP 380: close the sub-generator, then raise GeneratorExit here
            try {
                sub.close();
            } catch (Throwable t) {
                return resumeBody(null, t);
            }
            return resumeBody(null, thrown);
        }
        Object next;
        try {
            next = stepOf(sub, sent, thrown);
        } catch (Throwable t) {
            delegate = null;
            return resumeBody(null, t);
        }
        if (next != FINISHED) {
            phase = SUSPENDED_AT_YIELD;
            return next;
        }
        delegate = null;
        Object result = delegateResult;
        delegateResult = null;
        return resumeBody(result, null);
    }

    private Object resumeBody(Object value, Throwable error) {
        if (value != null || error != null) {
            // Only a real value or error is handed over: between steps nothing is pending, so
            // the body's resumed() answers null by itself, and a next() stores nothing here.
            // (A just-created body never gets here with either: step refuses that.)
            resumeWith(value, error);
        }
        Object result;
        try {
            result = invokeBody();
        } catch (Throwable t) {
            phase = CLOSED;
            throw t;
        }
        if (state == FINISHED_STATE) {
            phase = CLOSED;
            returned = result;
            return FINISHED;
        }
        phase = SUSPENDED_AT_YIELD;
        if (result == SUSPENDED) { // a Weft.yieldFrom: the sub-generator's value is parked here
            Object y = yielded;
            yielded = null;
            return y;
        }
        return result; // a Weft.yield: the body returned the value itself
    }

    /** One step of any generator, woven or not; a finished one answers {@link #FINISHED}. */
    @SuppressWarnings("unchecked")
    private Object stepOf(Generator<?, ?> sub, Object sent, Throwable thrown) {
        if (sub instanceof GeneratorFrame) {
            GeneratorFrame g = (GeneratorFrame) sub;
            Object next = g.step(sent, thrown);
            if (next == FINISHED) {
                delegateResult = g.returned;
            }
            return next;
        }
        try {
            return thrown != null ? sub.throwInto(thrown) : ((Generator<?, Object>) sub).send(sent);
        } catch (StopIteration end) {
            delegateResult = end.value();
            return FINISHED;
        }
    }

    // ---- entries called by woven bodies through Frame ---------------------------------------

    Object parkYield(Object value) {
        yielded = value;
        return SUSPENDED;
    }

    Object startDelegation(Object sub) {
        if (sub instanceof Iterable && !(sub instanceof Generator)) {
            sub = new IterableGenerator((Iterable<?>) sub);
        }
        if (!(sub instanceof Generator)) {
            throw new IllegalArgumentException("Weft.yieldFrom in " + site() + " needs a Generator "
                    + "or an Iterable, not " + (sub == null ? "null" : sub.getClass().getName()));
        }
        Generator<?, ?> g = (Generator<?, ?>) sub;
        Object first = stepOf(g, null, null);
        if (first == FINISHED) {
            Object result = delegateResult;
            delegateResult = null;
            return result; // finished at once: the body goes on without suspending
        }
        delegate = g;
        yielded = first;
        return SUSPENDED;
    }
}
