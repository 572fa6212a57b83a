/**
 * Integration tests of the blocking world: jobs on other threads ({@code Weft.toThread},
 * {@code EventLoop.runInExecutor}, the default executor), loops fed from other threads
 * ({@code Weft.runCoroutineThreadsafe}, {@code Weft.wrapFuture}), signal handlers and
 * {@code Weft.run}'s Ctrl-C handling, and eager tasks.
 *
 * <p>Woven by the agent. Nothing here measures time: the jobs wait on latches the tests count
 * down, and every wait on another thread is bounded.
 */
package dev.weft.it.threads;
