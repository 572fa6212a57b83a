package dev.weft.internal;

/**
 * What every call of one woven method shares: its body, its site string and the sizes of its
 * frame's slots. One instance per method, made once when the method's factory first runs
 * ({@link Bootstraps#methodInfo}), so a frame holds one reference instead of four values.
 *
 * <p>Immutable; safe on any thread.
 */
public final class MethodInfo {
    final Body body;
    final String site;
    final int primSlots;
    final int refSlots;

    /**
     * @param body the method's body
     * @param site {@code Class.method(File.java:line)}, then {@code #} and the comma-separated
     *     source line of each resume point (for stack traces)
     * @param primSlots the number of primitive slots a frame of this method needs
     * @param refSlots the number of reference slots a frame of this method needs
     */
    public MethodInfo(Body body, String site, int primSlots, int refSlots) {
        this.body = body;
        this.site = site;
        this.primSlots = primSlots;
        this.refSlots = refSlots;
    }
}
