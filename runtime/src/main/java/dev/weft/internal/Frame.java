package dev.weft.internal;

import dev.weft.Coroutine;
import dev.weft.Task;

/**
 * The saved state of one call of a woven {@code @Async} method; also the coroutine object that
 * the call returns.
 *
 * <p>The frame is allocated once per coroutine call and reused across all its suspensions.
 * Reference slots are cleared when they are restored, so a suspended coroutine keeps alive only
 * what it will use again.
 *
 * <p>The public members of this class are the entry points woven code calls; they are not API
 * for application code and may change without notice.
 *
 * <p>Threading: confined to the thread of the loop running the frame's task. A frame driven
 * without a task ({@link #startDriven}) is handed from thread to thread by its driver, which
 * orders each hand-off (see {@link OffLoopCall}).
 */
public class Frame implements Coroutine<Object>, Awaitable {
    /*
     * Implementation overview. The weaver turns @Async Coroutine<T> m(args) into a
     * factory that allocates one Frame, stores the arguments in its slots and returns it; the
     * original code moves to a synthetic static method m(Frame) reached through a shared
     * Body. When the body reaches an await(x) it calls Frame).
     * If the value is ready the body continues at once. Otherwise the body saves its live locals and
     * the operand stack below the awaited value into the typed slots here (longs for every
     * primitive kind, Objects for references), writes the resume point into state
     * and returns SUSPENDED; every woven caller above it does the same. The Task
     * later resumes the innermost frame directly and hands each finished frame's value
     * to its caller frame in a loop, so resuming is O(1) in the await depth and never grows the Java
     * stack.
     */


    /** Returned by a body (and by {@link #await}) when the coroutine stopped at an await. */
    public static final Object SUSPENDED = new Sentinel("SUSPENDED");

    private static final byte CREATED = 0;
    private static final byte RUNNING = 1;
    private static final byte SUSPENDED_STATUS = 2;
    private static final byte DONE = 3;

    private final MethodInfo info;
    private long[] prims;
    private Object[] refs;

    /** The resume point the body's entry switch jumps to; 0 is the method's start. */
    public int state;

    private byte status = CREATED;
    /**
     * The frame awaiting this one, or the task for a task's root frame, or null when detached.
     * One field for both: the task is found by walking up ({@link #task()}), which costs a step
     * per await level only when suspending, and saves 4 bytes in every frame.
     */
    private Object parent;
    /** Whether {@link #outcome} is an exception to throw at the resume point. */
    private boolean outcomeThrows;
    /** What the pending await resumes with: its value, or the exception it throws. */
    private Object outcome;

    /**
     * Creates the frame of one coroutine call; called by woven factories.
     *
     * @param info what all calls of the method share: body, site, slot counts
     */
    public Frame(MethodInfo info) {
        this(info, 0, 0);
    }

    /**
     * Creates a frame whose subclass keeps its first slots in fields of its own, so the arrays
     * here hold only the rest (slot {@code k} of the method is array slot {@code k - fieldPrims}
     * or {@code k - fieldRefs}).
     *
     * @param fieldPrims how many primitive slots the subclass keeps in fields
     * @param fieldRefs how many reference slots the subclass keeps in fields
     */
    Frame(MethodInfo info, int fieldPrims, int fieldRefs) {
        this.info = info;
        this.prims = info.primSlots <= fieldPrims ? null : new long[info.primSlots - fieldPrims];
        this.refs = info.refSlots <= fieldRefs ? null : new Object[info.refSlots - fieldRefs];
        if (getClass() == Frame.class && FrameTracking.enabled) { // the JIT folds the class test
            FrameTracking.created(this); // debug mode: watch for a coroutine never awaited
        }
    }

    // ---- awaiting ------------------------------------------------------------------------

    /**
     * Awaits {@code awaitable} from the body of {@code caller}: the call that woven code puts
     * where the source said {@code Weft.await(awaitable)}.
     *
     * @return the value, or {@link #SUSPENDED} when the caller must save itself and return
     */
    public static Object await(Object awaitable, Frame caller) {
        if (awaitable instanceof Awaitable) {
            return ((Awaitable) awaitable).awaitFrom(caller);
        }
        return Awaits.foreign(awaitable, caller);
    }

    /**
     * Completes a body's {@code return x;} when {@code x} is not a plain {@code Weft.done} value:
     * {@code null} completes the coroutine with null; a coroutine, future or stage is awaited and
     * its value becomes the coroutine's (tail delegation).
     */
    public static Object awaitReturn(Object returned, Frame caller) {
        return returned == null ? null : await(returned, caller);
    }

    /**
     * An already completed coroutine holding {@code value}: what {@code Weft.done(value)} becomes
     * in a woven body when its value is not returned straight away.
     */
    public static Coroutine<Object> completed(Object value) {
        return new Completed(value);
    }

    /** The error for a frame whose state names no resume point: a weaver or runtime bug. */
    public IllegalStateException notResumable() {
        return new IllegalStateException("coroutine " + site() + " has no resume point " + state
                + "; this is a weft bug, please report it");
    }

    /**
     * Yields {@code value} from a generator body: the call woven code puts where the source said
     * {@code Weft.yield(value)}. Always answers {@link #SUSPENDED}.
     */
    public static Object yieldValue(Object value, Frame generator) {
        if (generator instanceof AsyncGeneratorFrame) {
            return ((AsyncGeneratorFrame) generator).parkYield(value);
        }
        return ((GeneratorFrame) generator).parkYield(value);
    }

    /**
     * Delegates a generator body to {@code sub} ({@code Weft.yieldFrom(sub)}, PEP 380): the
     * sub-generator's return value if it finished at once, else {@link #SUSPENDED}.
     */
    public static Object yieldFrom(Object sub, Frame generator) {
        return ((GeneratorFrame) generator).startDelegation(sub);
    }

    /**
     * The return value of a generator body's {@code return x;} when {@code x} is not a plain
     * {@code Generator.returning(v)}: null, or a value wrapped by {@link #completed}.
     */
    public static Object generatorReturn(Object returned) {
        if (returned == null) {
            return null;
        }
        if (returned instanceof Completed) {
            return ((Completed) returned).value();
        }
        throw new IllegalStateException("a generator body must return Generator.returning(value) "
                + "or null, not " + returned);
    }

    /**
     * Runs this coroutine inline on the caller's task; a coroutine that never suspends costs
     * one Java call and no loop round trip.
     */
    @Override
    public Object awaitFrom(Frame awaiter) {
        if (status != CREATED) {
            throw new IllegalStateException("coroutine " + site() + " was already awaited or run: "
                    + "a coroutine object runs once; call the @Async method again for a new one");
        }
        parent = awaiter;
        if (FrameTracking.enabled) {
            FrameTracking.started(this);
        }
        return run();
    }

    /**
     * Runs or resumes this frame's body once; called by its task.
     *
     * @return the body's value or {@link #SUSPENDED}
     */
    public Object run() {
        status = RUNNING;
        Object value;
        try {
            value = info.body.resume(this);
        } catch (Throwable t) {
            status = DONE;
            throw t;
        }
        status = value == SUSPENDED ? SUSPENDED_STATUS : DONE;
        return value;
    }

    /**
     * The value the suspended await resumes with, or its exception thrown unchanged; the call
     * woven code makes right after restoring a frame at a resume point.
     */
    public Object resumed() {
        Object value = outcome;
        if (value == null) {
            return null; // nothing pending (a generator's next()): no store, so no GC barrier
        }
        outcome = null;
        if (outcomeThrows) {
            outcomeThrows = false;
            throw Sneaky.<RuntimeException>raise((Throwable) value);
        }
        return value;
    }

    /**
     * Runs or resumes the body once without the status bookkeeping of {@link #run()}: for
     * frames that track their own life cycle (generators), where a step is the hot path.
     */
    final Object invokeBody() {
        return info.body.resume(this);
    }

    // ---- state for the driver -------------------------------------------------------------

    /** Makes this frame a child of {@code awaiter}, running on its task (async generators). */
    void attach(Frame awaiter) {
        parent = awaiter;
    }

    /**
     * Binds this not-yet-started frame to the task that will run it as its root.
     *
     * @throws IllegalStateException if the coroutine already ran or belongs to another task
     */
    public void startAsRoot(Task<?> owner) {
        startDriven(owner);
    }

    /**
     * Binds this not-yet-started frame, as the root of its chain, to {@code driver}: its task, or
     * what runs it in place of a task. An eager {@code @Async} method called where no loop runs is driven this
     * way ({@link OffLoopCall}); {@link #driver()} finds it from any frame of the chain.
     *
     * @throws IllegalStateException if the coroutine already ran or belongs to a task
     */
    public void startDriven(Object driver) {
        if (status != CREATED || parent != null) {
            throw new IllegalStateException("coroutine " + site() + " was already awaited or run: "
                    + "a coroutine object runs once; call the @Async method again for a new one");
        }
        parent = driver;
        if (getClass() == Frame.class && FrameTracking.enabled) { // only these are watched
            FrameTracking.started(this);
        }
    }

    /** Replaces the driver of this chain's root frame, set by {@link #startDriven}. */
    void redrive(Object driver) {
        rootFrame().parent = driver;
    }

    /**
     * What drives the chain this frame belongs to: its task, the driver given to
     * {@link #startDriven}, or null before the chain starts. O(await depth).
     */
    public Object driver() {
        Object p = parent;
        while (p instanceof Frame) {
            p = ((Frame) p).parent;
        }
        return p;
    }

    /** Sets what the pending await resumes with: a value, or an exception to throw there. */
    public void resumeWith(Object value, Throwable error) {
        outcomeThrows = error != null;
        outcome = outcomeThrows ? error : value;
    }

    /** Unlinks and returns the frame that awaits this one, or null for a task's root frame. */
    public Frame detachCaller() {
        Object p = parent;
        parent = null;
        return p instanceof Frame ? (Frame) p : null;
    }

    /** The outermost frame of the chain this frame belongs to (this frame if it has no caller). */
    public Frame rootFrame() {
        Frame f = this;
        while (f.parent instanceof Frame) {
            f = (Frame) f.parent;
        }
        return f;
    }

    /**
     * The task this frame runs on; null before the frame starts.
     *
     * @throws IllegalStateException if the chain runs without a task (see {@link #startDriven}):
     *     whatever asked for the task needs an event loop the frame does not have
     */
    public Task<?> task() {
        Object p = driver();
        if (p == null || p instanceof Task) {
            return (Task<?>) p;
        }
        throw OffLoopCall.needsLoop(this);
    }

    /** Whether this frame runs {@code body} (a runtime-written body such as a task's wrapper). */
    public boolean runs(Body body) {
        return info.body == body;
    }

    /** Reads a reference slot without clearing it (for runtime-written bodies). */
    public Object peekR(int slot) {
        return refs[slot];
    }

    /** Whether the body has not started yet. */
    public boolean isCreated() {
        return status == CREATED;
    }

    /** {@code Class.method(File.java:line)} of the woven method. */
    public String site() {
        String site = info.site;
        int lines = site.indexOf('#');
        return lines < 0 ? site : site.substring(0, lines);
    }

    /** The frame awaiting this one, or null for a task's root or a detached frame (task dumps). */
    public Frame awaiter() {
        Object p = parent;
        return p instanceof Frame ? (Frame) p : null;
    }

    /**
     * Where this frame stands, for task dumps: the line of its pending await when it is
     * suspended at one, else the method's first line ({@code Class.method(File.java:line)}).
     */
    public StackTraceElement where() {
        StackTraceElement at = status == SUSPENDED_STATUS || status == RUNNING ? awaitSite() : null;
        return at != null ? at : siteElement();
    }

    /** The woven method's site as a stack trace element: the line of its first statement. */
    private StackTraceElement siteElement() {
        String site = site();
        int open = site.indexOf('(');
        int dot = open < 0 ? -1 : site.lastIndexOf('.', open);
        if (dot < 0) {
            return new StackTraceElement(site, "?", null, -1);
        }
        String where = site.substring(open + 1, Math.max(open + 1, site.indexOf(')', open)));
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? where : where.substring(0, colon);
        int line = colon < 0 ? -1 : Integer.parseInt(where.substring(colon + 1));
        return new StackTraceElement(site.substring(0, dot), site.substring(dot + 1, open),
                file.isEmpty() || file.equals("Unknown Source") ? null : file, line);
    }

    /**
     * Records, in {@code error}'s stack trace, that this suspended frame awaited the code that
     * threw it; called by the task's trampoline when it hands an exception to this frame.
     */
    public void addToStackTrace(Throwable error) {
        AsyncStackTrace.addCaller(error, this);
    }

    /**
     * The stack trace element of this frame's pending await: the woven site string carries the
     * line of every resume point after a {@code '#'} ({@code C.m(C.java:10)#12,15}).
     */
    StackTraceElement awaitSite() {
        String site = info.site;
        int hash = site.indexOf('#');
        int open = site.indexOf('(');
        int dot = site.lastIndexOf('.', open);
        if (hash < 0 || open < 0 || dot < 0 || state <= 0) {
            return null;
        }
        String[] lines = site.substring(hash + 1).split(",");
        if (state > lines.length) {
            return null;
        }
        String where = site.substring(open + 1, site.indexOf(')', open));
        int colon = where.lastIndexOf(':');
        String file = colon < 0 ? where : where.substring(0, colon);
        return new StackTraceElement(site.substring(0, dot), site.substring(dot + 1, open),
                file.equals("Unknown Source") ? null : file, lineOrUnknown(lines[state - 1]));
    }

    /** A resume point's line; the weaver writes 0 when the class has no line numbers. */
    private static int lineOrUnknown(String line) {
        int n = Integer.parseInt(line);
        return n > 0 ? n : -1;
    }

    // ---- slots: woven code saves with the static savers and restores with the getters -------

    /** Saves an {@code int} (also {@code boolean}, {@code byte}, {@code char}, {@code short}). */
    public static void saveI(int value, Frame f, int slot) {
        f.prims[slot] = value;
    }

    /** Saves a {@code long}. */
    public static void saveJ(long value, Frame f, int slot) {
        f.prims[slot] = value;
    }

    /** Saves a {@code float} by its raw bits. */
    public static void saveF(float value, Frame f, int slot) {
        f.prims[slot] = Float.floatToRawIntBits(value);
    }

    /** Saves a {@code double} by its raw bits. */
    public static void saveD(double value, Frame f, int slot) {
        f.prims[slot] = Double.doubleToRawLongBits(value);
    }

    /** Saves a reference (null included). */
    public static void saveR(Object value, Frame f, int slot) {
        f.refs[slot] = value;
    }

    /**
     * Drops the slot arrays that only carried the arguments: woven code calls it after restoring
     * them when no suspension point needs slots of that kind, so a suspended frame does not keep
     * an array it will never use.
     *
     * @param dropPrims whether to drop the primitive slots
     * @param dropRefs whether to drop the reference slots
     */
    public void releaseArgumentSlots(boolean dropPrims, boolean dropRefs) {
        if (dropPrims) {
            prims = null;
        }
        if (dropRefs) {
            refs = null;
        }
    }

    /** Restores an {@code int}-kind slot. */
    public int getI(int slot) {
        return (int) prims[slot];
    }

    /** Restores a {@code long} slot. */
    public long getJ(int slot) {
        return prims[slot];
    }

    /** Restores a {@code float} slot. */
    public float getF(int slot) {
        return Float.intBitsToFloat((int) prims[slot]);
    }

    /** Restores a {@code double} slot. */
    public double getD(int slot) {
        return Double.longBitsToDouble(prims[slot]);
    }

    /** Restores a reference slot and clears it, so the frame no longer keeps the value alive. */
    public Object getR(int slot) {
        Object value = refs[slot];
        refs[slot] = null;
        return value;
    }

    @Override
    public String toString() {
        String s;
        switch (status) {
            case CREATED: s = "created"; break;
            case RUNNING: s = "running"; break;
            case SUSPENDED_STATUS: s = "suspended"; break;
            default: s = "done"; break;
        }
        return "<coroutine " + site() + " " + s + ">";
    }
}
