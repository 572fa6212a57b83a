/**
 * Synchronisation primitives for coroutines, after asyncio's: {@link dev.weft.sync.Lock},
 * {@link dev.weft.sync.Event}, {@link dev.weft.sync.Condition}, {@link dev.weft.sync.Semaphore},
 * {@link dev.weft.sync.BoundedSemaphore} and {@link dev.weft.sync.Barrier}, with
 * {@link dev.weft.sync.Held} as the try-with-resources form of asyncio's {@code async with} and
 * {@link dev.weft.sync.BrokenBarrierError}.
 *
 * <p>They are not thread-safe locks: they order coroutines of one event loop, which they bind to
 * on first use in it, and fail with {@link java.lang.IllegalStateException} when used from another
 * thread, or once that loop is closed (before binding, only their creator may use them without a
 * loop; see {@code dev.weft.internal.primitives.LoopBinding}, which {@code dev.weft.queue}
 * shares). Waiters are served first come, first served; ownership (of a lock, a permit, a signal)
 * passes directly to the woken waiter, so a newcomer can never barge in, and a cancelled waiter
 * hands on what it was given, so nothing is ever lost. Waiting allocates one
 * future per waiting task; acquiring a free lock or permit allocates nothing and does not
 * suspend.
 *
 * <p>Depends on {@code java.base}, {@code dev.weft} (futures, tasks, the running loop),
 * {@code dev.weft.internal} (the {@code Awaitable} protocol through which woven code awaits the
 * primitives' coroutines) and {@code dev.weft.internal.primitives} (the loop binding and the
 * waiter list). Not woven itself: the waits are written by hand as awaitables.
 */
package dev.weft.sync;

/*
 * Role map: one line per file.
 *   Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier   the primitives
 *   Held, HeldToken          the try-with-resources hold and the token that implements it
 *   BrokenBarrierError       Barrier's exception
 *   SyncWaiter               one waiting task: its future and its node in the waiter list
 *   WaitPolicy               what a primitive does when its waiter is granted or cancelled
 */
