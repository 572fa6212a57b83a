package dev.weft.internal;

/**
 * What every call of one woven method shares: its body, its site string and the sizes of its
 * frame's slots. One instance per method, made once when the method's factory first runs
 * ({@link Bootstraps#methodInfo}), so a frame holds one reference instead of four values.
 *
 * <p>A record on purpose: HotSpot trusts the final fields of records as constants. A factory
 * gets its {@code MethodInfo} from a constant call site, so where the JIT sees a call of an
 * {@code @Async} method and its {@code await} together, {@code info.body()} folds to the one
 * body of that method and {@link Frame#run()}'s body call is a direct, inlinable call — not the
 * megamorphic interface call it is from the profile once many woven methods run. With the call
 * inlined the frame need not escape, so escape analysis can remove it (0 B for an await of a
 * coroutine that does not suspend). The slot counts fold the same way in
 * {@link Frame#releaseArgumentSlots}.
 *
 * <p>Immutable; safe on any thread.
 *
 * @param body the method's body
 * @param site {@code Class.method(File.java:line)}, then {@code #} and the comma-separated
 *     source line of each resume point (for stack traces)
 * @param primSlots the number of primitive slots a frame of this method needs
 * @param refSlots the number of reference slots a frame of this method needs
 */
public record MethodInfo(Body body, String site, int primSlots, int refSlots) {
}
