package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the weft weaver turns into a resumable state machine.
 *
 * <p>The method declares {@code dev.weft.Coroutine<T>}, {@code dev.weft.Generator<Y, S>},
 * {@code dev.weft.AsyncGenerator<Y>}, {@code CompletableFuture<T>} or {@code CompletionStage<T>}
 * as its return type. Calling a {@code Coroutine} method runs nothing: it returns a coroutine
 * object holding the arguments, which runs when it is awaited ({@code Weft.await(coro)}) or
 * wrapped in a task ({@code Weft.createTask(coro)}), exactly as an {@code async def} in Python.
 *
 * <p>A method returning {@code CompletableFuture<T>} or {@code CompletionStage<T>} is eager, as in
 * ea-async: its body runs inside the call until its first real suspension, and the call returns a
 * {@code CompletableFuture} that completes with the body's value or exception. It completes with
 * {@code return CompletableFuture.completedFuture(v);} (the weaver removes that call) or by
 * returning any other stage, which it awaits. Called on an event loop's thread, the body goes on
 * as a task of that loop; called anywhere else, on the thread that completes what it awaits.
 * Cancelling the returned future cancels the body at its await.
 *
 * <p>Weaving happens at class-load time through the java agent
 * ({@code -javaagent:weft-agent.jar}) or at build time through the weft build plugin. An
 * {@code @Async} method that runs without being woven fails on first use with an
 * {@link IllegalStateException} saying how to enable weaving.
 *
 * <p>The annotation is retained in class files and at run time so tools can find woven methods;
 * it has no members.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {
}
