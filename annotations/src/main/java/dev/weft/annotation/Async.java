package dev.weft.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body the weft weaver turns into a resumable state machine.
 *
 * <p>The method must declare {@code dev.weft.Coroutine<T>} as its return type (generators and
 * eager {@code CompletableFuture} methods follow in later releases). Calling it runs nothing: it
 * returns a coroutine object holding the arguments, which runs when it is awaited
 * ({@code Weft.await(coro)}) or wrapped in a task ({@code Weft.createTask(coro)}), exactly as an
 * {@code async def} in Python.
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
