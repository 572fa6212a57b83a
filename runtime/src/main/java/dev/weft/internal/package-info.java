/**
 * The protocol between woven code and the runtime: {@link dev.weft.internal.Frame} (a
 * coroutine call's saved state and the entry points the weaver emits calls to),
 * {@link dev.weft.internal.FieldSlotFrame} (the slot fields woven generator code reads and writes
 * directly), {@link dev.weft.internal.Body} and {@link dev.weft.internal.Awaitable}.
 *
 * Also the runtime's own shared plumbing: {@link dev.weft.internal.LoopAccess} and
 * {@link dev.weft.internal.FutureAccess} for weft's other packages,
 * {@link dev.weft.internal.CancelHookFuture} (a future whose cancellation reaches a resource in
 * the cancel call) and {@link dev.weft.internal.StageFutures} (a {@code CompletionStage} as a loop
 * future, cancelled with it).
 *
 * <p>Not API: public only because woven classes in other packages must reach it. The weaver
 * knows these classes by name (it never loads them), so renaming a member here means changing
 * the weaver's {@code RuntimeNames} in the same commit: the agent's {@code RuntimeContractTest}
 * checks every member woven code names against this package. {@link dev.weft.internal.Abi} is
 * the contract's version, which every woven class checks once, when it initialises. May depend on {@code dev.weft} and
 * {@code java.base} only.
 */
package dev.weft.internal;

/*
 * Role map: one line per file.
 *   Frame, FieldSlotFrame   a woven call's saved state and the entry points woven code calls
 *   Body, MethodInfo        a woven method's resumable body; what all its calls share
 *   Bootstraps              the invokedynamic bootstrap of woven factories
 *   Abi                     the woven-code/runtime contract version and its check
 *   Awaitable, Awaits       what a frame can await; awaiting what is not weft's own
 *   Completed, Sentinel     an already-completed coroutine; identity markers (SUSPENDED, ...)
 *   GeneratorFrame          a woven Generator call (also the generator object)
 *   GeneratorIterator       the Iterator view of a woven generator
 *   IterableGenerator       a plain Iterable seen as a generator, for yieldFrom
 *   AsyncGeneratorFrame     a woven AsyncGenerator call (also the generator object)
 *   EagerFrame, EagerStart  eager (CompletableFuture-returning) @Async methods: frame, entry
 *   OffLoopCall, TaskFuture the CompletableFuture an eager method returns, off and on a loop
 *   AsyncStackTrace         puts suspended callers back into an exception's stack trace
 *   FrameTracking           debug mode's watch for coroutines never awaited
 *   LoopAccess              the loop's internals for weft's other packages (SharedSecrets style)
 *   FutureAccess            deferred completion and reset of a Future, for other packages
 *   CancelHookFuture        a future whose cancellation reaches a resource at once
 *   StageFutures            a CompletionStage as a loop future, cancelled with it
 *   RunningLoops            how many loops run in the JVM now
 *   WaitDescription         what a waiting object tells a task dump
 *   Sneaky                  rethrows a checked exception unwrapped
 *   Deadlines               saturating deadline and delay arithmetic in nanoseconds (leaf)
 *   ReadyQueue              the loop's ring buffer of ready callbacks (leaf)
 *   DefaultExecutor         makes a loop's default executor from the system properties (leaf)
 *   Signals                 process signal handlers through sun.misc.Signal (leaf)
 */
