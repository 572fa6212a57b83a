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
 * {@link IllegalStateException} saying how to enable weaving. A method the weaver refuses (for
 * example one that awaits inside a {@code synchronized} block) is reported when its class is
 * woven, and throws an {@link IllegalStateException} carrying that reason and its
 * {@code Class.method(File.java:line)} when called; the other methods of its class are woven.
 *
 * <p>Where woven code differs from plain Java: in {@code new X(Weft.await(f))} the object is
 * allocated after the awaited arguments are evaluated (an object under construction cannot be
 * saved across a suspension), but {@code X}'s static initialiser still runs where the
 * {@code new} stands, before the arguments, as JLS 12.4.1 says. If that initialiser throws, the
 * first run throws its {@link ExceptionInInitializerError} as plain Java does; later runs of the
 * same expression rethrow that error instead of a {@link NoClassDefFoundError}.
 *
 * <p>Debugging: the method's code runs in a synthetic body that keeps the method's name and line
 * numbers, with the parameter {@code dev.weft.internal.Frame}; the method itself becomes a factory
 * without line numbers. Line breakpoints therefore land in the body. A method breakpoint by name
 * alone is ambiguous in jdb ({@code stop in C.m} answers that the method is overloaded, since
 * factory and body share the name; an IDE method breakpoint, which matches the declared
 * signature, stops in the factory when the coroutine is created): name the body,
 * {@code stop in C.m(dev.weft.internal.Frame)}, or use a line breakpoint on the first line. A
 * local variable not live at an await is not saved there, and leaves the debugger's view from
 * that await until it is assigned again, rather than showing a stale value.
 *
 * <p>The annotation is retained in class files and at run time so tools can find woven methods;
 * it has no members.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Async {
}
