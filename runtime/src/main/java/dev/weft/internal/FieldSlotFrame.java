package dev.weft.internal;

/**
 * A frame that keeps its first saved slots in fields of its own instead of {@link Frame}'s slot
 * arrays: what a generator frame is, because a generator saves and restores its live locals at
 * every element, where an array costs a load of the array, a bounds check and an element access
 * per value, and a field costs one access.
 *
 * <p>Eager frames ({@link EagerFrame}) use fields too, for another reason: their bodies run at
 * once and mostly finish without suspending, so one object beats a frame with argument arrays.
 * Coroutine frames stay array-only: each suspended coroutine's heap counts (see the design's
 * budget), and a coroutine restores its locals once per suspension, not once per element.
 *
 * <p>The fields are public only because woven classes in other packages write them (as
 * {@link Frame#state}); they are not API. The weaver's {@code RuntimeNames.FIELD_SLOTS} and the
 * field names must match this class. Threading: confined, as the frame.
 */
public abstract class FieldSlotFrame extends Frame {
    /*
     * Implementation overview. Woven bodies of the kinds whose frames extend this class read and
     * write p0..p3 (primitives of every kind, as long bits: floats and doubles by
     * their raw bits) and r0..r3 (references) directly, with GETFIELD/PUTFIELD
     * after a CHECKCAST to this class — no call, so the JIT has nothing to decline to inline
     * on a cold path (the restore of the arguments runs once per generator) and the frame does not
     * escape through one. Slots from FIELD_SLOTS on go to Frame's arrays, shifted
     * down by FIELD_SLOTS, which therefore exist only for methods with that many live
     * values. As in Frame, woven code clears a reference slot when it restores it, so a
     * suspended generator keeps alive only what it will use again.
     */

    /** How many slots of each kind live in fields. */
    static final int FIELD_SLOTS = 4;

    /** Primitive slots 0 to 3, as {@code long} bits; written and read by woven code only. */
    public long p0;
    public long p1;
    public long p2;
    public long p3;
    /** Reference slots 0 to 3; written by woven code and cleared when it restores them. */
    public Object r0;
    public Object r1;
    public Object r2;
    public Object r3;

    FieldSlotFrame(MethodInfo info) {
        super(info, FIELD_SLOTS, FIELD_SLOTS);
    }
}
