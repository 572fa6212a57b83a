/**
 * Queues for coroutines of one event loop: asyncio's {@code Queue}, {@code PriorityQueue} and
 * {@code LifoQueue} with Python 3.13's {@code shutdown}, and their exceptions
 * {@link dev.weft.queue.QueueFull}, {@link dev.weft.queue.QueueEmpty} and
 * {@link dev.weft.queue.QueueShutDown}.
 *
 * <p>Waiting getters and putters are served first come, first served, and a cancelled waiter
 * (through {@code Task.cancel}, {@code Weft.waitFor} or {@code Weft.timeout}) never loses or
 * duplicates an item: its turn goes to the next waiter. Operations that need not wait complete
 * without suspending. Everything runs on the queue's loop thread.
 *
 * <p>Depends on {@code java.base}, {@code dev.weft} (futures, tasks, the loop),
 * {@code dev.weft.internal} (the frame its waiters are, the await protocol) and
 * {@code dev.weft.internal.primitives} (the loop binding and thread check, and the waiter list,
 * shared with {@code dev.weft.sync}); nothing depends on it inside the runtime.
 */
package dev.weft.queue;

/*
 * Role map: one line per file.
 *   Queue, PriorityQueue, LifoQueue   the queues (Queue's get/put/join coroutines nested in it)
 *   QueueFull, QueueEmpty, QueueShutDown   their exceptions
 *   QueueState               a queue's counters and waiters, and the rules that change them
 *   QueueWaiter              one waiting getter/putter/joiner, a hand-written two-state frame
 *   ItemStore                where a queue keeps its items (so their order)
 *   FifoStore, HeapStore, LifoStore   the stores of Queue, PriorityQueue and LifoQueue
 */
