package dev.weft;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A variable whose value depends on the task or callback that reads it: Python's
 * {@code contextvars.ContextVar}, as asyncio uses it.
 *
 * <p>Each task runs in a copy of the context of the code that created it, and
 * {@link EventLoop#callSoon}, {@link EventLoop#callLater}, {@link EventLoop#callAt} and
 * {@link Future#addDoneCallback} capture the context current when they are called; the callback
 * later runs in it. So a value set before {@code Weft.createTask(child())} is seen by the child,
 * while a value the child sets is invisible to its parent and to its siblings. Copies are cheap:
 * contexts are immutable and shared (see {@code Context}).
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST = new ContextVar<>("request", "none");
 *
 * @Async static Coroutine<Void> handle(String id) {
 *     REQUEST.set(id);            // only this task (and what it starts from now on) sees it
 *     Weft.await(log("start"));   // log() reads REQUEST.get()
 *     return Weft.done();
 * }
 * }</pre>
 *
 * <p>Threading: the value is that of the loop running on the calling thread, or, on a thread
 * running a job of {@link Weft#toThread}, that of the job (a copy of the starting task's context).
 * {@link #get()} on any other thread answers the default; {@link #set} and {@link #reset} need a
 * running loop or a {@code toThread} job. Null policy: null is a legal value and a legal default; a null name is
 * rejected. Variables are compared by identity: create each one once, as a constant.
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {
    private final String name;
    private final boolean hasDefault;
    private final T defaultValue;

    /**
     * Creates a variable without a default: {@link #get()} fails until it is set.
     *
     * @param name a name for messages and {@link #toString()}
     */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.hasDefault = false;
        this.defaultValue = null;
    }

    /**
     * Creates a variable whose value is {@code defaultValue} until it is set.
     *
     * @param name a name for messages and {@link #toString()}
     * @param defaultValue the value where none was set; may be null
     */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.hasDefault = true;
        this.defaultValue = defaultValue;
    }

    /** The name given at creation. */
    public String getName() {
        return name;
    }

    /**
     * The value in the current context, else the default.
     *
     * @throws NoSuchElementException if the variable has no value here and no default (Python's
     *     {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Context ctx = current();
        if (ctx.has(this)) {
            return (T) ctx.get(this);
        }
        if (!hasDefault) {
            throw new NoSuchElementException("context variable '" + name + "' has no value in "
                    + "this context and no default: set it first, or use get(fallback)");
        }
        return defaultValue;
    }

    /** The value in the current context, else {@code fallback} (not the default). */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Context ctx = current();
        return ctx.has(this) ? (T) ctx.get(this) : fallback;
    }

    /**
     * Sets the value in the current context: the running task's (or callback's) own copy.
     *
     * @return a token that {@link #reset} takes to restore the previous value
     * @throws IllegalStateException if no event loop runs on the calling thread
     */
    public Token<T> set(T value) {
        EventLoop loop = EventLoop.currentOrNull();
        Context before = loop != null ? loop.context : ThreadContext.currentOrNull();
        if (before == null) {
            throw noContext("set");
        }
        store(loop, before.with(this, value));
        return new Token<>(this, before.has(this), before.get(this));
    }

    /**
     * Restores the value this variable had before the {@link #set} that returned {@code token}
     * (or removes it, if it had none).
     *
     * @throws IllegalArgumentException if the token came from another variable
     * @throws IllegalStateException if the token was already used, or no loop runs here
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.var != this) {
            throw new IllegalArgumentException("the token was made by " + token.var + ", not by " + this);
        }
        if (token.used) {
            throw new IllegalStateException("the token of " + this + " has already been used: "
                    + "each set() can be reset once");
        }
        EventLoop loop = EventLoop.currentOrNull();
        Context now = loop != null ? loop.context : ThreadContext.currentOrNull();
        if (now == null) {
            throw noContext("reset");
        }
        token.used = true;
        store(loop, token.hadValue ? now.with(this, token.oldValue) : now.without(this));
    }

    private static Context current() {
        EventLoop loop = EventLoop.currentOrNull();
        if (loop != null) {
            return loop.context;
        }
        Context job = ThreadContext.currentOrNull();
        return job == null ? Context.EMPTY : job;
    }

    /** Makes {@code context} current: the loop's, or else the {@code toThread} job's. */
    private static void store(EventLoop loop, Context context) {
        if (loop != null) {
            loop.context = context;
        } else {
            ThreadContext.replace(context);
        }
    }

    private IllegalStateException noContext(String what) {
        return NotWoven.explained("ContextVar." + what + "() of '" + name + "' needs a "
                + "running event loop on this thread, or a job of Weft.toThread: call it from a task, "
                + "a loop callback or a toThread job");
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (hasDefault ? " default=" + defaultValue : "") + ">";
    }

    /**
     * What {@link ContextVar#set} returns: the value before, for {@link ContextVar#reset}.
     * Loop thread only; usable once.
     *
     * @param <T> the variable's type
     */
    public static final class Token<T> {
        private final ContextVar<T> var;
        private final boolean hadValue;
        private final Object oldValue;
        private boolean used;

        Token(ContextVar<T> var, boolean hadValue, Object oldValue) {
            this.var = var;
            this.hadValue = hadValue;
            this.oldValue = oldValue;
        }

        /** The variable that made this token. */
        public ContextVar<T> getVar() {
            return var;
        }

        @Override
        public String toString() {
            return "<Token var=" + var + (used ? " used" : "") + ">";
        }
    }
}
