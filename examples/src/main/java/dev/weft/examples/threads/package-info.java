/**
 * The blocking-world programs of seed 004, written with weft: a loop running on a second thread
 * fed with {@code callSoonThreadsafe} ({@link dev.weft.examples.threads.LoopInAnotherThread}),
 * coroutines handed to it from a plain thread
 * ({@link dev.weft.examples.threads.RunCoroutineFromThread}), Ctrl-C cancelling the pending tasks
 * ({@link dev.weft.examples.threads.KeyboardInterruptTasks}), and a thread pool's {@code map}
 * done with {@code toThread} and {@code gather} ({@link dev.weft.examples.threads.ThreadPoolMap}).
 *
 * <p>Depends on {@code dev.weft} only; each program's Python twin is in the test resources
 * ({@code seeds/threads/NAME.py}).
 */
package dev.weft.examples.threads;
