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
