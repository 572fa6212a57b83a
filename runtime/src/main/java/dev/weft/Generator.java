package dev.weft;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A synchronous generator: what calling an {@code @Async} method declared to return
 * {@code Generator<Y, S>} gives. Its body runs only when driven: {@link #next()} and
 * {@link #send(Object)} run it to its next {@code S got = Weft.yield(y)} and return {@code y};
 * {@code Weft.yieldFrom(sub)} delegates to another generator (PEP 380); a
 * {@code return Generator.returning(v)} finishes it with the return value {@code v}.
 *
 * <p>Python's rules hold: sending a non-null value to a just-created generator fails;
 * {@code next} on a finished generator throws {@link StopIteration} carrying the return value;
 * re-entering a running generator fails; {@link #throwInto} a just-created generator closes it
 * and throws; {@link #close()} throws {@link GeneratorExit} at the suspended yield, runs
 * {@code finally} blocks and fails if the generator yields again; an exception escaping the body
 * closes the generator. Misuse throws {@link IllegalStateException} and leaves the generator as
 * it was.
 *
 * <p>It is also an {@link Iterable} (for-each over its values) and has a {@link #stream()} view;
 * both drive it with {@code next()}.
 *
 * <p>Threading: not thread-safe; drive a generator from one thread at a time. It needs no event
 * loop.
 *
 * @param <Y> the type of the values it yields
 * @param <S> the type of the values it receives through {@link #send(Object)}
 */
public interface Generator<Y, S> extends Iterable<Y> {

    /**
     * The marker a generator body returns to finish with {@code value}:
     * {@code return Generator.returning(total);}. The weaver replaces the call; outside a woven
     * generator it fails.
     */
    static <Y, S> Generator<Y, S> returning(Object value) {
        throw NotWoven.at("Generator.returning");
    }

    /** Resumes the generator with null and returns its next value; {@code send(null)}. */
    Y next();

    /**
     * Resumes the generator, making its pending {@code Weft.yield} return {@code value}, and
     * returns the next value it yields.
     *
     * @throws StopIteration when the generator finishes (carrying its return value)
     * @throws IllegalStateException if it is running, or {@code value} is non-null and it has
     *     not started
     */
    Y send(S value);

    /**
     * Throws {@code error} into the generator at its pending yield (Python's {@code throw}) and
     * returns the next value it yields; a just-created generator is closed and {@code error}
     * thrown here.
     *
     * @throws StopIteration when the generator finishes
     */
    Y throwInto(Throwable error);

    /**
     * Closes the generator: throws {@link GeneratorExit} at its pending yield so its
     * {@code finally} blocks run. Does nothing if it is already closed.
     *
     * @throws IllegalStateException if the generator yields again instead of finishing
     */
    void close();

    /** Where the generator is in its life cycle. */
    GeneratorState state();

    /**
     * The value the generator returned, once it is {@link GeneratorState#CLOSED closed} by
     * returning; null before, or when it returned nothing.
     */
    <R> R returnValue();

    /**
     * An iterator over the values still to come; {@code hasNext()} runs the generator to its next
     * yield (and caches the value), so side effects happen in {@code hasNext()}.
     */
    @Override
    default Iterator<Y> iterator() {
        Generator<Y, S> gen = this;
        return new Iterator<>() {
            private Y next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                if (!ready && gen.state() != GeneratorState.CLOSED) {
                    try {
                        next = gen.next();
                        ready = true;
                    } catch (StopIteration end) {
                        return false;
                    }
                }
                return ready;
            }

            @Override
            public Y next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("generator finished");
                }
                ready = false;
                Y value = next;
                next = null;
                return value;
            }
        };
    }

    /** A sequential, ordered stream of the values still to come. */
    default Stream<Y> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED), false);
    }
}
