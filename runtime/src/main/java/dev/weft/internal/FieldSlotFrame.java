package dev.weft.internal;

/**
 * A frame that keeps its first saved slots in fields of its own instead of {@link Frame}'s slot
 * arrays: what a generator frame is, because a generator saves and restores its live locals at
 * every element, where an array costs a load of the array, a bounds check and an element access
 * per value, and a field costs one access.
 *
 * <p>Implementation overview. Woven bodies of the kinds whose frames extend this class call the
 * static accessors here ({@code storeX(value, frame, slot)}, {@code loadX(frame, slot)}) with a
 * constant slot, so once the JIT inlines one, its {@code switch} folds into a single field
 * access. Slots from {@link #FIELD_PRIMS} (or {@link #FIELD_REFS}) on go to the arrays of
 * {@link Frame}, shifted down, which therefore exist only for methods with that many live
 * values. As in {@link Frame}, primitives of every kind share {@code long} slots (floats and
 * doubles by their raw bits), and a reference slot is cleared when it is loaded so a suspended
 * generator keeps alive only what it will use again.
 *
 * <p>Coroutine frames stay array-only: each suspended coroutine's heap counts (see the design's
 * budget), and a coroutine restores its locals once per suspension, not once per element.
 *
 * <p>The accessors are entry points of woven code, not API. Threading: confined, as the frame.
 */
public abstract class FieldSlotFrame extends Frame {
    /** How many primitive slots live in fields. */
    static final int FIELD_PRIMS = 4;
    /** How many reference slots live in fields. */
    static final int FIELD_REFS = 4;

    private long p0;
    private long p1;
    private long p2;
    private long p3;
    private Object r0;
    private Object r1;
    private Object r2;
    private Object r3;

    FieldSlotFrame(MethodInfo info) {
        super(info, FIELD_PRIMS, FIELD_REFS);
    }

    // ---- saving: the static savers take the value first, so woven code saves the top of stack

    /** Saves an {@code int} (also {@code boolean}, {@code byte}, {@code char}, {@code short}). */
    public static void storeI(int value, Frame f, int slot) {
        storeJ(value, f, slot);
    }

    /** Saves a {@code float} by its raw bits. */
    public static void storeF(float value, Frame f, int slot) {
        storeJ(Float.floatToRawIntBits(value), f, slot);
    }

    /** Saves a {@code double} by its raw bits. */
    public static void storeD(double value, Frame f, int slot) {
        storeJ(Double.doubleToRawLongBits(value), f, slot);
    }

    /** Saves a {@code long}, or the bits of any primitive. */
    public static void storeJ(long value, Frame f, int slot) {
        FieldSlotFrame g = (FieldSlotFrame) f;
        switch (slot) {
            case 0: g.p0 = value; return;
            case 1: g.p1 = value; return;
            case 2: g.p2 = value; return;
            case 3: g.p3 = value; return;
            default: saveJ(value, f, slot - FIELD_PRIMS);
        }
    }

    /** Saves a reference (null included). */
    public static void storeR(Object value, Frame f, int slot) {
        FieldSlotFrame g = (FieldSlotFrame) f;
        switch (slot) {
            case 0: g.r0 = value; return;
            case 1: g.r1 = value; return;
            case 2: g.r2 = value; return;
            case 3: g.r3 = value; return;
            default: saveR(value, f, slot - FIELD_REFS);
        }
    }

    // ---- restoring -------------------------------------------------------------------------

    /** Restores an {@code int}-kind slot. */
    public static int loadI(Frame f, int slot) {
        return (int) loadJ(f, slot);
    }

    /** Restores a {@code float} slot. */
    public static float loadF(Frame f, int slot) {
        return Float.intBitsToFloat((int) loadJ(f, slot));
    }

    /** Restores a {@code double} slot. */
    public static double loadD(Frame f, int slot) {
        return Double.longBitsToDouble(loadJ(f, slot));
    }

    /** Restores a {@code long} slot, or the bits of any primitive. */
    public static long loadJ(Frame f, int slot) {
        FieldSlotFrame g = (FieldSlotFrame) f;
        switch (slot) {
            case 0: return g.p0;
            case 1: return g.p1;
            case 2: return g.p2;
            case 3: return g.p3;
            default: return f.getJ(slot - FIELD_PRIMS);
        }
    }

    /** Restores a reference slot and clears it, so the frame no longer keeps the value alive. */
    public static Object loadR(Frame f, int slot) {
        FieldSlotFrame g = (FieldSlotFrame) f;
        Object value;
        switch (slot) {
            case 0: value = g.r0; g.r0 = null; return value;
            case 1: value = g.r1; g.r1 = null; return value;
            case 2: value = g.r2; g.r2 = null; return value;
            case 3: value = g.r3; g.r3 = null; return value;
            default: return f.getR(slot - FIELD_REFS);
        }
    }
}
