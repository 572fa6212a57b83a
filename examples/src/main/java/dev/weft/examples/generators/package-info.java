/**
 * The generator programs of seeds 000 and 004 that {@code dev.weft.examples} does not already
 * hold, written with weft's {@link dev.weft.Generator}: one class with a {@code main} method per
 * program, named after what it shows. (The seeds' {@code fib}, {@code grep},
 * {@code sub_coro}/{@code dele_coro}, {@code add}/{@code parent}, averager and
 * {@code yield from} iterables programs are {@code Fibonacci}, {@code GrepCoroutine},
 * {@code SortedDelegation}, {@code AccumulatorDelegation}, {@code AveragerProxies} and
 * {@code YieldFromIterables} in {@code dev.weft.examples}.)
 *
 * <p>Each example prints exactly what its Python program prints; the Python programs are kept
 * beside the expected outputs under {@code src/test/resources/seeds/generators/}, and
 * {@code GeneratorExamplesTest} compares the two character for character. Two of the seed's
 * programs end with an uncaught {@code StopIteration} on purpose ({@link
 * dev.weft.examples.generators.UncaughtStopIteration}, {@link
 * dev.weft.examples.generators.SumWithoutDelegation}); their Java ports end with
 * {@link dev.weft.StopIteration} in the same place, so {@code dev.weft.examples.Main} does not
 * list them.
 *
 * <p>Python's priming decorator becomes {@link dev.weft.examples.generators.Priming#primed}
 * applied at the call. Python's loosely typed sends (numbers, then the string {@code 'close'})
 * become a send type of {@code Object}.
 *
 * <p>Dependencies: the public API of {@code weft-runtime}, {@code @Async} and
 * {@link dev.weft.examples.Repr}. The {@code @Async} methods must be woven: run with the weft
 * agent ({@code java -jar weft-examples.jar NAME} loads it itself).
 */
package dev.weft.examples.generators;
