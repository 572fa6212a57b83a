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

    /*
     * The frame's life cycle lives in the two top bits of {@link #state}, set by run() when the
     * body returns and cleared by run() before it calls the body again, so the body's entry
     * switch always sees the bare resume point. A frame with neither bit has not finished a step
     * yet: it is created (state 0, never run) or running. A status byte of its own made the frame
     * 40 bytes instead of 32; see SlotArrays for the other half.
     */
    /** Set in {@link #state} while the body is suspended at the resume point in the other bits. */
    private static final int SUSPENDED_BIT = 1 << 30;
    /** Set in {@link #state} once the body returned or threw. */
    private static final int DONE_BIT = 1 << 31;
    /** The resume point's bits of {@link #state}. */
    private static final int POINT_BITS = ~(SUSPENDED_BIT | DONE_BIT);

    private final MethodInfo info;
    /** The slots that do not live in fields: see {@link SlotArrays} for the shapes. */
    private Object slots;

    /**
     * The resume point the body's entry switch jumps to; 0 is the method's start. Between steps
     * the top two bits also hold the life cycle (see {@link #run()}); a body never sees them.
     */
    public int state;

    /**
     * The frame awaiting this one, or the task for a task's root frame, or null when detached.
     * One field for both: the task is found by walking up ({@link #task()}), which costs a step
     * per await level only when suspending, and saves 4 bytes in every frame.
     */
    private Object parent;
    /**
     * What the pending await resumes with: its value, or a {@link Thrown} holding the exception
     * it throws (wrapped, so that no flag field is needed; a throw allocates anyway).
     */
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
        this.slots = SlotArrays.allocate(info.primSlots() - fieldPrims, info.refSlots() - fieldRefs);
        if (getClass() == Frame.class && FrameTracking.enabled()) { // the JIT folds the class test
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
        if (awaitable != null && awaitable.getClass() == Frame.class) {
            // The common case, a coroutine: a direct call instead of an interface call that is
            // megamorphic once futures, tasks and other awaitables pass through this site.
            return ((Frame) awaitable).awaitInline(caller);
        }
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
        return new IllegalStateException("coroutine " + site() + " has no resume point "
                + (state & POINT_BITS)
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
        return awaitInline(awaiter);
    }

    /** The error for a coroutine object run a second time; kept out of the callers' code size. */
    private IllegalStateException ranBefore() {
        return new IllegalStateException("coroutine " + site() + " was already awaited or run: "
                + "a coroutine object runs once; call the @Async method again for a new one");
    }

    /** {@link #awaitFrom}, reached without a virtual call from {@link #await}. */
    private Object awaitInline(Frame awaiter) {
        if (state != 0 || parent != null) { // ran, runs, or belongs to a task or a driver
            throw ranBefore();
        }
        parent = awaiter;
        if (FrameTracking.enabled()) {
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
        state &= POINT_BITS; // the body's entry switch reads the bare resume point
        Object value;
        try {
            value = info.body().resume(this);
        } catch (Throwable t) {
            state |= DONE_BIT;
            throw t;
        }
        state |= value == SUSPENDED ? SUSPENDED_BIT : DONE_BIT;
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
        if (value instanceof Thrown) {
            throw Sneaky.<RuntimeException>raise(((Thrown) value).error);
        }
        return value;
    }

    /**
     * Runs or resumes the body once without the status bookkeeping of {@link #run()}: for
     * frames that track their own life cycle (generators), where a step is the hot path.
     */
    final Object invokeBody() {
        return info.body().resume(this);
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
        if (state != 0 || parent != null) {
            throw ranBefore();
        }
        parent = driver;
        if (getClass() == Frame.class && FrameTracking.enabled()) { // only these are watched
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
        outcome = error != null ? new Thrown(error) : value;
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
        return info.body() == body;
    }

    /** Reads a reference slot without clearing it (for runtime-written bodies). */
    public Object peekR(int slot) {
        return SlotArrays.refs(slots)[slot];
    }

    /**
     * Whether the body has not started yet. Asked between steps only: a body in its first step
     * (resume point 0, no life-cycle bit yet) answers true as well.
     */
    public boolean isCreated() {
        return state == 0;
    }

    /** {@code Class.method(File.java:line)} of the woven method. */
    public String site() {
        return SiteString.method(info.site());
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
        StackTraceElement at = (state & DONE_BIT) == 0 ? awaitSite() : null; // none if created
        return at != null ? at : SiteString.start(info.site());
    }

    /**
     * Records, in {@code error}'s stack trace, that this suspended frame awaited the code that
     * threw it; called by the task's trampoline when it hands an exception to this frame.
     */
    public void addToStackTrace(Throwable error) {
        AsyncStackTrace.addCaller(error, this);
    }

    /**
     * The stack trace element of this frame's pending await, or null when it has none (see
     * {@link SiteString#resumePoint}).
     */
    StackTraceElement awaitSite() {
        return SiteString.resumePoint(info.site(), state & POINT_BITS);
    }

    // ---- slots: woven code saves with the static savers and restores with the getters -------

    /** Saves an {@code int} (also {@code boolean}, {@code byte}, {@code char}, {@code short}). */
    public static void saveI(int value, Frame f, int slot) {
        SlotArrays.prims(f.slots)[slot] = value;
    }

    /** Saves a {@code long}. */
    public static void saveJ(long value, Frame f, int slot) {
        SlotArrays.prims(f.slots)[slot] = value;
    }

    /** Saves a {@code float} by its raw bits. */
    public static void saveF(float value, Frame f, int slot) {
        SlotArrays.prims(f.slots)[slot] = Float.floatToRawIntBits(value);
    }

    /** Saves a {@code double} by its raw bits. */
    public static void saveD(double value, Frame f, int slot) {
        SlotArrays.prims(f.slots)[slot] = Double.doubleToRawLongBits(value);
    }

    /** Saves a reference (null included). */
    public static void saveR(Object value, Frame f, int slot) {
        SlotArrays.refs(f.slots)[slot] = value;
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
        int fields = this instanceof FieldSlotFrame ? FieldSlotFrame.FIELD_SLOTS : 0;
        boolean mixed = info.primSlots() > fields && info.refSlots() > fields;
        slots = SlotArrays.release(slots, mixed, dropPrims, dropRefs);
    }

    /** Restores an {@code int}-kind slot. */
    public int getI(int slot) {
        return (int) SlotArrays.prims(slots)[slot];
    }

    /** Restores a {@code long} slot. */
    public long getJ(int slot) {
        return SlotArrays.prims(slots)[slot];
    }

    /** Restores a {@code float} slot. */
    public float getF(int slot) {
        return Float.intBitsToFloat((int) SlotArrays.prims(slots)[slot]);
    }

    /** Restores a {@code double} slot. */
    public double getD(int slot) {
        return Double.longBitsToDouble(SlotArrays.prims(slots)[slot]);
    }

    /** Restores a reference slot and clears it, so the frame no longer keeps the value alive. */
    public Object getR(int slot) {
        Object[] refs = SlotArrays.refs(slots);
        Object value = refs[slot];
        refs[slot] = null;
        return value;
    }

    @Override
    public String toString() {
        return "<coroutine " + site() + " " + lifeCycle() + ">";
    }

    /**
     * {@code created}, {@code running}, {@code suspended} or {@code done}. A frame in its first
     * step is told from a created one by its parent: an awaited or driven frame runs as soon as it
     * has one. A task's root frame has its task as parent before its first step, and reads
     * {@code created} until that step suspends or ends.
     */
    private String lifeCycle() {
        if ((state & DONE_BIT) != 0) {
            return "done";
        }
        if ((state & SUSPENDED_BIT) != 0) {
            return "suspended";
        }
        return state == 0 && (parent == null || parent instanceof Task) ? "created" : "running";
    }

    /** An exception an await resumes with, told apart from a value that is a Throwable. */
    private static final class Thrown {
        final Throwable error;

        Thrown(Throwable error) {
            this.error = error;
        }
    }
}
