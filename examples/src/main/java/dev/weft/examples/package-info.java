/**
 * The programs of the asyncio seed (seed 001, sections 1.2–1.5) written with weft, one class
 * with a {@code main} method per program, named after what it shows; {@link
 * dev.weft.examples.Main} runs any of them and is the entry point of {@code weft-examples.jar}.
 *
 * <p>Each example prints exactly what its Python program prints: the printed strings are the
 * seed's, verbatim, including Python names such as {@code task_func} and {@code mark_done}, and
 * values that Python prints with {@code {!r}} go through {@link dev.weft.examples.Repr}. The
 * test {@code ExamplesTest} compares every example's output with the output of the Python
 * program kept beside it.
 *
 * <p>Dependencies: the public API of {@code weft-runtime} and {@code @Async} only. The
 * {@code @Async} methods must be woven, so the examples run with the weft agent: {@code java
 * -jar weft-examples.jar} loads it from the jar itself ({@code Launcher-Agent-Class}); elsewhere
 * pass {@code -javaagent:weft-agent.jar}.
 */
package dev.weft.examples;
