package dev.weft;

/** The life cycle of a {@link Generator}, as Python's {@code inspect.getgeneratorstate}. */
public enum GeneratorState {
    /** Created and not started: only {@code next()}, {@code send(null)}, {@code throwInto} or {@code close()}. */
    CREATED,
    /** Executing its body now (a generator cannot be re-entered). */
    RUNNING,
    /** Stopped at a {@code Weft.yield}, waiting for {@code next}/{@code send}/{@code throwInto}/{@code close}. */
    SUSPENDED,
    /** Finished: returned, raised, or closed. */
    CLOSED
}
