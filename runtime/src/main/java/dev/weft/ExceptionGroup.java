package dev.weft;

import java.util.List;
import java.util.Objects;

/**
 * Several exceptions raised together: what a {@link TaskGroup} throws when its children (or its
 * body) failed, like Python's {@code ExceptionGroup}.
 *
 * <p>{@link #getExceptions()} lists them in the order they happened. Each is also attached as a
 * suppressed exception, so a printed stack trace shows every one of them. Catch it and inspect
 * the list: Java has no {@code except*}.
 *
 * <p>Immutable once thrown; safe to read on any thread.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exceptions in the group: never empty, no nulls. */
    private final List<Throwable> exceptions;

    /**
     * Creates a group.
     *
     * @param message what failed, without the count: it is appended as Python does
     *     ({@code "unhandled errors in a TaskGroup (2 sub-exceptions)"})
     * @param exceptions the exceptions, at least one, none null
     * @throws IllegalArgumentException if {@code exceptions} is empty
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(describe(message, exceptions));
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    private static String describe(String message, List<? extends Throwable> exceptions) {
        Objects.requireNonNull(exceptions, "exceptions");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("an ExceptionGroup needs at least one exception");
        }
        int n = exceptions.size();
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /** The exceptions of the group, in the order they happened; unmodifiable. */
    public List<Throwable> getExceptions() {
        return exceptions;
    }
}
