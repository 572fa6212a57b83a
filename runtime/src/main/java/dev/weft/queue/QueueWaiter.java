package dev.weft.queue;

import dev.weft.Future;
import dev.weft.internal.Body;
import dev.weft.internal.Frame;
import dev.weft.internal.MethodInfo;
import dev.weft.internal.WaitDescription;
import dev.weft.internal.primitives.WaiterList;

/**
 * One task waiting in a {@link Queue}: to get an item, to put one, or for {@code join}; a
 * two-state coroutine frame written by hand, exactly as the weaver would write it.
 *
 * <p>Why a frame and not just a future: a waiter must run code <em>when its task resumes</em>,
 * not only when it is woken. A woken getter takes its item at that moment, and a woken putter
 * adds its item then; if the task was cancelled in between (by {@code task.cancel()},
 * {@code Weft.waitFor} or {@code Weft.timeout}), it resumes with the {@code CancelledError}
 * instead and passes its turn on to the next waiter. That is asyncio's own protocol, and it is
 * what makes a cancellation unable to lose or duplicate an item: an item leaves the queue only in
 * a getter that goes on running, and enters it only from a putter that goes on running.
 *
 * <p>Awaiting the waiter makes it the innermost frame of its caller's task: its first run links
 * it into its queue's list and suspends on a fresh {@link Future}; waking completes that future;
 * the task then resumes this frame, which hands the outcome to {@link QueueState#resume}, and the
 * caller continues with the value or exception that returns. A waiter is made only when the
 * operation must wait; the fast paths of {@code put}, {@code get} and {@code join} never make one.
 *
 * <p>Confined to the queue's loop thread; runs once.
 */
final class QueueWaiter extends Frame implements WaiterList.Node<QueueWaiter>, WaitDescription {
    /*
     * State table: status, set by the queue, and whether the future the task is suspended on is
     * done, which the waiter's own task does by cancelling it.
     *
     *   status    future      meaning                                   on resume (QueueState.resume)
     *   WAITING   pending     on its list, no turn yet                  (does not resume)
     *   WAITING   cancelled   its task gave up before its turn          unlinks itself; rethrows
     *   SKIPPED   cancelled   a wake-up met it abandoned and passed     rethrows the cancellation
     *                         its turn on: off its list, owed nothing
     *   WOKEN     result      given its turn: an item promised (GET),   takes the item / adds its
     *                         a slot granted (PUT), the join ended      item; returns (JOIN)
     *   WOKEN     result +    woken, then its task cancelled before     hands the turn on to the
     *             cancel      it ran: resumes with the CancelledError   next waiter; rethrows
     *   RELEASED  result      taken off its list by shutdown            throws QueueShutDown (or
     *                                                                   its cancellation, if any)
     *
     * The status is fixed by whoever takes the waiter off its list; the task reads it once, when
     * it resumes, which is what keeps a cancellation from losing or duplicating an item.
     */

    static final byte GET = 0;
    static final byte PUT = 1;
    static final byte JOIN = 2;

    /** On its list, waiting to be woken. */
    static final byte WAITING = 0;
    /** Taken off its list and given its turn: an item (getter), a slot (putter), or join's end. */
    static final byte WOKEN = 1;
    /** Taken off its list by {@code shutdown}: it resumes with {@link QueueShutDown}. */
    static final byte RELEASED = 2;
    /** Taken off its list because its task was cancelled before its turn came: owed nothing. */
    static final byte SKIPPED = 3;

    private static final int START = 0;
    private static final int RESUME = 1;
    private static final Body BODY = frame -> ((QueueWaiter) frame).step();
    private static final MethodInfo[] INFO = {
        new MethodInfo(BODY, "dev.weft.queue.Queue.get(Queue.java)", 0, 0),
        new MethodInfo(BODY, "dev.weft.queue.Queue.put(Queue.java)", 0, 0),
        new MethodInfo(BODY, "dev.weft.queue.Queue.join(Queue.java)", 0, 0),
    };

    final QueueState<?> queue;
    final byte kind;
    byte status = WAITING;
    /** A putter's item until it is added; null for the other kinds. */
    Object item;
    /** What the task is suspended on; completed (with null) to wake it. */
    Future<Object> future;
    // The links of the WaiterList this waiter is on; only the list reads and writes them.
    private WaiterList<QueueWaiter> list;
    private QueueWaiter prev;
    private QueueWaiter next;

    QueueWaiter(QueueState<?> queue, byte kind, Object item) {
        super(INFO[kind]);
        this.queue = queue;
        this.kind = kind;
        this.item = item;
    }

    private Object step() {
        if (state == START) {
            state = RESUME;
            return queue.park(this);
        }
        Throwable error = null;
        try {
            resumed();
        } catch (Throwable t) {
            error = t;
        }
        return queue.resume(this, error);
    }

    /** For task dumps: {@code Queue.get() on <Queue maxsize=2 getters[1]>}. */
    @Override
    public String describeWait() {
        return (kind == GET ? "Queue.get()" : kind == PUT ? "Queue.put()" : "Queue.join()")
                + " on " + queue.describe("Queue");
    }

    /** Whether the task gave up before its turn came: its future was cancelled with it. */
    boolean abandoned() {
        return future.done();
    }

    /** Gives the waiter its turn (or its release) and schedules its task. */
    void wake(byte outcome) {
        status = outcome;
        future.setResult(null);
    }

    @Override
    public QueueWaiter prevWaiter() {
        return prev;
    }

    @Override
    public void prevWaiter(QueueWaiter w) {
        prev = w;
    }

    @Override
    public QueueWaiter nextWaiter() {
        return next;
    }

    @Override
    public void nextWaiter(QueueWaiter w) {
        next = w;
    }

    @Override
    public WaiterList<QueueWaiter> list() {
        return list;
    }

    @Override
    public void list(WaiterList<QueueWaiter> list) {
        this.list = list;
    }
}
