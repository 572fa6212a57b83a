package dev.weft.internal;

/**
 * The resumable body of one woven {@code @Async} method.
 *
 * <p>The weaver moves each method's code into a synthetic static method that keeps the method's
 * name and takes the {@link Frame} as its only parameter; a non-capturing {@code invokedynamic}
 * (as for a lambda) turns it into one shared instance of this interface per method, so creating
 * a coroutine allocates only its frame.
 *
 * <p>Called on the loop thread only.
 */
@FunctionalInterface
public interface Body {

    /**
     * Runs the body from the resume point recorded in {@code frame.state}.
     *
     * @return the coroutine's value, or {@link Frame#SUSPENDED} when it stopped at an await; any
     *     exception of the body propagates unchanged
     */
    Object resume(Frame frame);
}
