/**
 * What the loop-bound primitives of {@code dev.weft.sync} (locks, events, conditions, semaphores,
 * barriers) and {@code dev.weft.queue} (queues) share: {@link
 * dev.weft.internal.primitives.LoopBinding}, which binds a primitive to an event loop on first use
 * and checks the thread of every later use, and {@link dev.weft.internal.primitives.WaiterList},
 * the intrusive FIFO their waiting tasks queue on.
 *
 * <p>Not API: public only because the two packages that use it are not this one. The waiters
 * themselves stay in their packages, because they follow different protocols (a queue's waiter is
 * a coroutine frame that acts when its task resumes; a sync primitive's waiter is the future its
 * task suspends on, handed ownership directly); what they share is only how they are linked and
 * which loop they may belong to.
 *
 * <p>Depends on {@code java.base}, {@code dev.weft} (the loop, the running task) and
 * {@code dev.weft.internal} ({@code LoopAccess}, for the loop's owner thread). The weaver does not
 * know this package: nothing here is called from woven code.
 */
package dev.weft.internal.primitives;

/*
 * Role map: one line per file.
 *   LoopBinding   binds a sync/queue primitive to its loop on first use, checks later uses
 *   WaiterList    the intrusive FIFO of waiters both packages queue on
 */
