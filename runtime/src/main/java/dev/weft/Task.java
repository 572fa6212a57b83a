package dev.weft;

import dev.weft.internal.AsyncStackTrace;
import dev.weft.internal.Frame;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A coroutine scheduled to run on an event loop: asyncio's {@code Task}.
 *
 * <p>Cancellation follows asyncio: {@link #cancel(String)} cancels the future the task waits on
 * (which wakes it with a {@link CancelledError} at that await), stops its sleep, or, when the task
 * has not started yet, makes sure its body never runs. A {@code CancelledError} that escapes the
 * body marks the task cancelled, and so does a request still undelivered when the body returns
 * normally (made while the task ran: it cancelled itself, say, and returned without awaiting
 * again). {@link #cancelling()} counts the requests that were not withdrawn
 * with {@link #uncancel()}; scopes that cancel their own task ({@link Timeout}, {@link TaskGroup})
 * use the count to tell their own cancellation from one that came from outside.
 *
 * <p>Errors nobody looks at: the exception of a task that fails (with anything but a
 * {@code CancelledError}) is reported through the loop's exception handler ("Task exception was
 * never retrieved") only if it is never <em>retrieved</em> — the task awaited, its
 * {@link #result()} or {@link #exception()} read, at any time — before the task becomes
 * unreachable or its loop is closed. A done callback alone does not retrieve it (as in asyncio);
 * one that reads it does. So a task created now and awaited later is never reported. See
 * {@link UnretrievedErrors}.
 *
 * <p>Context: a task runs in a copy of the {@link ContextVar} values of the code that created it;
 * what it sets is visible only to itself and to the tasks and callbacks it creates afterwards.
 *
 * <p>Threading: every method must be called on the loop's thread, except the queries inherited
 * from {@link Future} that say they work on any thread.
 *
 * @param <T> the type of the coroutine's value
 */
public class Task<T> extends Future<T> {
    /*
     * Implementation overview. A task drives a chain of woven Frames. Its first
     * step() runs the root frame's body; a body that awaits another coroutine runs it inline
     * (an ordinary Java call). When the innermost body awaits something that is not ready, it
     * registers this task as the waiter (suspendOn, sleepUntil,
     * yieldOnce), and every frame on the way out saves itself and returns
     * Frame.SUSPENDED. When the awaited thing is ready the loop calls step() again,
     * which resumes the innermost frame directly and, each time a frame finishes, hands its value or
     * exception to the frame that awaited it — a trampoline, so resuming is O(1) in the await depth
     * and the Java stack never grows with it. The task itself is the callback the loop queues, so a
     * wake-up allocates nothing.
     */

    private static final AwaitingBody AWAIT_ANY = new AwaitingBody();
    /*
     * Default names are unique in the process, as asyncio's (a module-level itertools.count,
     * safe there under the GIL): loops run on several threads (LoopGroup, one Weft.run per
     * thread), and a per-loop count would give every loop its own "Task-1" in logs and task
     * dumps. One uncontended atomic increment per task creation is small beside the task's own
     * allocation and enqueue. A plain static int lost increments under that race (duplicate
     * names) and wrapped negative after 2^31 tasks; a long does not wrap in practice.
     */
    private static final AtomicLong COUNTER = new AtomicLong();
    /** {@link #waitingOn} of a task asleep in the loop's timer heap. */
    private static final Object SLEEPING = new Object();
    /** {@link #waitingOn} of a task whose sleep was cancelled without a message. */
    private static final Object CANCELLED_SLEEP = new Object();
    /** The bit of {@link TaskExtras#cancelState} that says a cancellation waits to be delivered. */
    private static final int MUST_CANCEL = 1 << 31;
    /** {@link #retrieval} once the outcome was retrieved. */
    private static final Object RETRIEVED = new Object();
    private static final VarHandle RETRIEVAL;

    static {
        try {
            RETRIEVAL = MethodHandles.lookup().findVarHandle(Task.class, "retrieval", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /*
     * Heap per task (a million sleeping tasks are the budget's measure): 56 bytes with compressed
     * class pointers, with or without compact object headers. The fields a plain task rarely
     * uses (name, cancellation, a context of its own) live in TaskExtras, made on first need;
     * the default name's number is an int (see id); and what the coroutine waits on is kept
     * in the future's value slot, which is unused until the task is done (see waitingOn()).
     */
    /**
     * The number of the default name {@code Task-<id>}, as an unsigned int. From the 2^32nd task
     * of the process on, the name is made at creation instead ({@link #defaultName}), so names
     * stay unique while most tasks spend 4 bytes on their number, not 8.
     */
    private final int id;
    private Frame innermost;
    /** The rarely used state, or null while the task has none ({@link TaskExtras}). */
    private TaskExtras extras;
    /**
     * Whether someone took charge of the outcome (see the class comment): null while nobody has,
     * {@link #RETRIEVED} once someone has, or the {@link UnretrievedErrors.Token} of a failure
     * nobody has read yet. Its own field, changed only by atomic operations: {@code result()} may
     * be called on any thread, racing the loop thread that finishes the task.
     */
    private Object retrieval;
    /** This task's index in the loop's timer heap while it sleeps, else -1 ({@link TimerQueue}). */
    int timerIndex = -1;

    Task<?> prevTask;
    Task<?> nextTask;

    Task(EventLoop loop, Coroutine<T> coro, String name) {
        this(loop, coro, name, true);
    }

    /**
     * Creates a task of {@code coro} and runs its first step at once, on the calling (loop)
     * thread, instead of queueing it: the one eager start shared by {@link TaskFactory#EAGER},
     * {@code LoopInternals.EagerCall} and {@link LoopInternals#startEagerly}.
     */
    static <T> Task<T> startEagerly(EventLoop loop, Coroutine<T> coro, String name) {
        Task<T> task = new Task<>(loop, coro, name, false);
        task.step();
        return task;
    }

    /** A task whose first step is queued, or, with {@code schedule} false, not. */
    private Task(EventLoop loop, Coroutine<T> coro, String name, boolean schedule) {
        super(loop);
        if (coro == null) {
            throw NotWoven.nullCoroutine();
        }
        loop.checkOpen();
        loop.checkThread();
        Frame root = coro instanceof Frame ? (Frame) coro : AWAIT_ANY.wrap(coro);
        root.startAsRoot(this);
        this.innermost = root; // also how the root is found: see root()
        long number = COUNTER.incrementAndGet(); // the default name is built only when asked for
        this.id = (int) number;
        String given = name != null ? name : defaultName(number);
        if (given != null) {
            extras().name = given;
        }
        if (loop.context != Context.EMPTY) {
            extras().context = loop.context; // immutable: sharing the reference is taking a copy
        }
        loop.tasks.add(this);
        if (schedule) {
            loop.enqueue(this);
        }
    }

    // ---- the trampoline -----------------------------------------------------------------

    /** Runs the task until its next suspension or its end; called by the loop. */
    void step() {
        if (done()) {
            return;
        }
        Frame frame = innermost;
        Object value = null;
        Throwable error = null;
        Object waited = pendingSlot(); // waitingOn(), known pending here
        setWaitingOn(null);
        if (mustCancel()) {
            setMustCancel(false);
            // A sleep cut short keeps the message of the cancel that woke it, as asyncio's
            // cancelled sleep future does; otherwise the latest request's message is used.
            CancelledError cancel = new CancelledError(waited == CANCELLED_SLEEP ? null
                    : waited instanceof String ? (String) waited : cancelMessage());
            if (frame.isCreated()) { // only the root can be not started yet
                finish(null, cancel);
                return;
            }
            error = cancel;
        } else if (waited instanceof Future) {
            try {
                value = ((Future<?>) waited).outcome();
            } catch (Throwable t) {
                error = t;
            }
        }
        if (!frame.isCreated()) {
            if (error != null) {
                AsyncStackTrace.delivered(error, frame); // made elsewhere: show who awaited it
            }
            frame.resumeWith(value, error);
        }
        EventLoop loop = getLoop();
        Task<?> outer = loop.currentTask;
        Context outerContext = loop.context;
        TaskExtras x = extras;
        Context mine = x == null ? Context.EMPTY : x.context;
        loop.currentTask = this;
        loop.context = mine;
        try {
            drive(frame);
        } finally {
            if (loop.context != mine) {
                extras().context = loop.context; // what the step set with ContextVar.set
            }
            loop.context = outerContext;
            loop.currentTask = outer;
        }
    }

    private void drive(Frame frame) {
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
                return;
            }
            Frame caller = frame.detachCaller();
            if (caller == null) {
                innermost = frame; // the root: kept for toString() and getCoro()
                finish(value, error);
                return;
            }
            if (error != null) {
                caller.addToStackTrace(error); // the caller is not on the Java stack: show it
            }
            caller.resumeWith(value, error);
            frame = caller;
            innermost = caller; // the frame running now, for Weft.asyncStackTrace
        }
    }

    /**
     * Completes the task with its coroutine's outcome. A cancellation still waiting to be
     * delivered (requested while the task ran, after its last await resumed) turns a normal
     * return into a cancelled task, as asyncio's {@code Task.__step} does: the request is not
     * dropped just because no await was left to deliver it at. An exception, by contrast, stays
     * the outcome (asyncio keeps it too); a request withdrawn with {@link #uncancel()} down to
     * zero cancels nothing.
     */
    private void finish(Object value, Throwable error) {
        getLoop().tasks.remove(this);
        boolean pendingCancel = mustCancel();
        setMustCancel(false);
        if (error == null && pendingCancel) {
            completeCancelled(cancelMessage());
        } else if (error == null) {
            completeValue(value);
        } else if (error instanceof CancelledError) {
            completeCancelled((CancelledError) error); // every awaiter gets this very instance
        } else {
            completeError(error);
            FlightEvents.taskFailed(this, error); // Flight Recorder; a volatile read unless recording
            if (retrieval == null) {
                UnretrievedErrors.Token token = getLoop().unretrieved.watch(this, error);
                if (!RETRIEVAL.compareAndSet(this, null, token)) {
                    token.read(); // retrieved on another thread meanwhile
                }
            }
        }
    }

    // ---- retrieval: who takes charge of the outcome -----------------------------------------

    /**
     * Marks the outcome as retrieved, so a failure is not reported as never retrieved; withdraws
     * a report already pending. Any thread; after the first call, one plain read.
     */
    void markRetrieved() {
        if (retrieval != RETRIEVED) {
            Object before = RETRIEVAL.getAndSet(this, RETRIEVED);
            if (before instanceof UnretrievedErrors.Token) {
                ((UnretrievedErrors.Token) before).read();
            }
        }
    }

    /** Reading the outcome of a done task retrieves it (a pending task's InvalidStateError does not). */
    @Override
    Object outcome() {
        if (done()) {
            markRetrieved();
        }
        return super.outcome();
    }

    /** Retrieves the exception, as {@link #result()} does; see the class comment. */
    @Override
    public Throwable exception() {
        if (done()) {
            markRetrieved();
        }
        return super.exception();
    }

    /** A task awaiting this one will read its outcome when woken: that counts as retrieving it. */
    @Override
    void addWaiter(Task<?> task) {
        super.addWaiter(task);
        markRetrieved();
    }

    /**
     * Waits for this task from a woven frame, as {@link Future#awaitFrom} does.
     *
     * @throws IllegalStateException if {@code caller} runs on this very task, which would wait
     *     for itself forever
     */
    @Override
    public Object awaitFrom(Frame caller) {
        if (!done() && getLoop().currentTask == this) {
            throw new IllegalStateException("a task cannot await itself: " + this
                    + " (await another task, or return the value instead)");
        }
        return super.awaitFrom(caller);
    }

    // ---- suspension, called from awaitables on the task's own step ------------------------

    /**
     * The task running {@code caller}, which is about to suspend: the task whose step is running on
     * this thread's loop. O(1), unlike {@link Frame#task()}, which walks up the await chain — a
     * suspension at await depth 100 would otherwise pay for 100 hops.
     */
    static Task<?> running(Frame caller) {
        EventLoop loop = EventLoop.currentOrNull();
        Task<?> t = loop == null ? null : loop.currentTask;
        return t != null ? t : caller.task();
    }

    /** The innermost frame {@code f} waits for {@code fut}; wake this task when it is done. */
    void suspendOn(Frame f, Future<?> fut) {
        innermost = f;
        setWaitingOn(fut);
        fut.addWaiter(this);
        if (mustCancel() && fut.cancel(cancelMessage())) {
            setMustCancel(false);
        }
    }

    /** The innermost frame {@code f} sleeps until {@code deadlineNanos} on the loop's clock. */
    void sleepUntil(Frame f, long deadlineNanos) {
        innermost = f;
        if (mustCancel()) {
            getLoop().enqueue(this);
            return;
        }
        // The task is its own timer entry: a sleeping task holds no handle object.
        setWaitingOn(SLEEPING);
        getLoop().sleepUntil(this, deadlineNanos);
    }

    /** The innermost frame {@code f} gives the other ready callbacks one turn. */
    void yieldOnce(Frame f) {
        innermost = f;
        getLoop().enqueue(this);
    }

    // ---- cancellation ---------------------------------------------------------------------

    /**
     * Requests cancellation: a {@link CancelledError} is thrown into the coroutine at the await
     * where it is suspended (or the body never runs if it has not started).
     *
     * <p>Called while this task itself runs (it cancels itself, or code it calls does), the
     * request waits for the next await that suspends; if the coroutine returns normally before
     * reaching one, the task ends cancelled and the returned value is dropped, as in asyncio. If
     * the coroutine throws instead, its exception is the outcome. {@link #uncancel()} can still
     * withdraw the request before then.
     *
     * @param msg the message of the {@code CancelledError}; may be null
     * @return false if the task is already done, true otherwise
     */
    @Override
    public boolean cancel(String msg) {
        getLoop().checkThread();
        if (done()) {
            return false;
        }
        TaskExtras x = extras();
        x.cancelState++;
        x.cancelMessage = msg;
        Object waited = pendingSlot(); // waitingOn(), known pending here
        if (waited instanceof Future && ((Future<?>) waited).cancel(msg)) {
            return true; // the cancelled future wakes this task with a CancelledError
        }
        setMustCancel(true);
        if (waited == SLEEPING) {
            setWaitingOn(msg == null ? CANCELLED_SLEEP : msg); // the message the sleep ends with
            if (getLoop().cancelSleep(this)) {
                getLoop().enqueue(this); // else the wake-up is already in the ready queue
            }
        }
        return true;
    }

    /**
     * How many cancellation requests were made and not withdrawn with {@link #uncancel()}
     * (asyncio's {@code cancelling()}); it does not go down when a cancellation is delivered.
     */
    public int cancelling() {
        TaskExtras x = extras;
        return x == null ? 0 : x.cancelState & ~MUST_CANCEL;
    }

    /**
     * Withdraws one cancellation request and returns how many remain (asyncio's
     * {@code uncancel()}). When none remains, a cancellation that was requested but not yet
     * delivered is dropped as well (as in Python 3.13), so a scope that withdraws its own request
     * leaves the task running normally, and a coroutine that then returns completes the task with
     * its value. While other requests remain, the undelivered cancellation stays: the next
     * suspending await gets it, or a normal return ends the task cancelled.
     */
    public int uncancel() {
        getLoop().checkThread();
        if (cancelling() > 0) {
            extras.cancelState--;
            if (cancelling() == 0) {
                setMustCancel(false);
            }
        }
        return cancelling();
    }

    /** The root frame: the end of the chain from the innermost frame (O(depth); diagnostics only). */
    private Frame root() {
        return innermost.rootFrame();
    }

    private boolean mustCancel() {
        TaskExtras x = extras;
        return x != null && (x.cancelState & MUST_CANCEL) != 0;
    }

    private void setMustCancel(boolean on) {
        TaskExtras x = extras;
        if (x != null) { // without extras there is no request, so nothing to clear
            x.cancelState = on ? x.cancelState | MUST_CANCEL : x.cancelState & ~MUST_CANCEL;
        } else if (on) {
            extras().cancelState = MUST_CANCEL;
        }
    }

    /** The message of the latest cancellation request, or null. */
    private String cancelMessage() {
        TaskExtras x = extras;
        return x == null ? null : x.cancelMessage;
    }

    /** The rarely used state, made on first need. */
    private TaskExtras extras() {
        TaskExtras x = extras;
        if (x == null) {
            x = new TaskExtras();
            extras = x;
        }
        return x;
    }

    /**
     * What the innermost frame waits on: a {@link Future}, {@link #SLEEPING}, the message (a
     * String, or {@link #CANCELLED_SLEEP} for none) a cancelled sleep wakes up with, or null.
     * Kept in the future's value slot, free while the task is pending: null once it is done.
     */
    private Object waitingOn() {
        return done() ? null : pendingSlot();
    }

    /** Sets {@link #waitingOn()}; only while the task is pending (during its step, or a cancel). */
    private void setWaitingOn(Object w) {
        setPendingSlot(w);
    }

    /** The name of the {@code number}th task: null (made when asked for) while it fits the int. */
    static String defaultName(long number) {
        return number >>> 32 == 0 ? null : "Task-" + number;
    }

    // ---- introspection for TaskDump (read racily when the dump is taken off the loop thread) ---

    /** The frame the task resumes next (or runs now, or ran last); never null. */
    Frame innermostFrame() {
        return innermost;
    }

    /** What the innermost frame waits on: a {@link Future}, or null (ready, running or asleep). */
    Object waitedFuture() {
        Object w = waitingOn();
        return w == SLEEPING ? null : w;
    }

    /** Whether the task sleeps in the loop's timer heap. */
    boolean sleeping() {
        return waitingOn() == SLEEPING;
    }

    /** Whether a cancellation waits to be delivered at the task's next step. */
    boolean cancelPending() {
        return mustCancel();
    }

    // ---- Future methods a task does not support --------------------------------------------

    /** Always fails: a task's result comes from its coroutine. */
    @Override
    public void setResult(T value) {
        throw new InvalidStateError("Task does not support setResult(): its coroutine sets it");
    }

    /** Always fails: a task's exception comes from its coroutine. */
    @Override
    public void setException(Throwable error) {
        throw new InvalidStateError("Task does not support setException(): its coroutine sets it");
    }

    // ---- names and introspection ------------------------------------------------------------

    /** The task's name: the one given at creation, or {@code Task-N}. */
    public String getName() {
        TaskExtras x = extras;
        String given = x == null ? null : x.name;
        return given != null ? given : "Task-" + Integer.toUnsignedString(id);
    }

    /** Renames the task; {@code name} must not be null. */
    public void setName(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        extras().name = name;
    }

    /** The coroutine this task runs. */
    @SuppressWarnings("unchecked")
    public Coroutine<T> getCoro() {
        Frame root = root();
        return (Coroutine<T>) (root.runs(AWAIT_ANY) ? root.peekR(0) : root);
    }

    /**
     * Like asyncio's repr: {@code <Task pending name='Task-1' coro=<Cls.m(Cls.java:12)>>}, with
     * {@code result=...} or {@code exception=...} once finished.
     */
    @Override
    public String toString() {
        String state = describeState();
        String head = done() ? state.split(" ", 2)[0] : mustCancel() ? "cancelling" : state;
        String tail = done() && state.indexOf(' ') > 0 ? " " + state.split(" ", 2)[1] : "";
        return "<Task " + head + " name='" + getName() + "' coro=<" + root().site() + ">" + tail + ">";
    }
}
