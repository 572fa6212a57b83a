package dev.weft.examples.generators;

import dev.weft.Generator;

/**
 * The seed's priming decorator ({@code deco} / {@code coroutine}): runs a new generator to its
 * first {@code Weft.yield}, so that it is ready for {@code send}.
 *
 * <p>Python's decorator wraps the generator function, so that every call returns a primed
 * generator. A woven {@code @Async} method cannot be wrapped that way, so the examples prime at
 * the call: {@code primed(gen())} where Python writes {@code gen()}.
 *
 * <p>Stateless; call it on the thread that drives the generator. Null is not accepted.
 */
final class Priming {
    private Priming() {
    }

    /**
     * Calls {@code next()} on {@code generator}, discarding what it yields, and returns it.
     *
     * @throws dev.weft.StopIteration if the generator finishes before its first yield
     */
    static <G extends Generator<?, ?>> G primed(G generator) {
        generator.next();
        return generator;
    }
}
