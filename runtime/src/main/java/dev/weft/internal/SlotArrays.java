package dev.weft.internal;

/**
 * The saved-slot storage of a {@link Frame}, kept in one field: null when the frame saves
 * nothing in arrays, a {@code long[]} when it saves only primitives, an {@code Object[]} when it
 * saves only references, and when it saves both an {@code Object[]} one element longer than its
 * reference slots whose last element is the {@code long[]}.
 *
 * <p>Why one field and not two: a suspended coroutine's frame is part of the heap every sleeping
 * task holds, and with two array fields the frame came to 40 bytes; with one, and the frame's
 * life cycle folded into {@link Frame#state}, it is 32 (compressed class pointers, with or
 * without compact object headers). The price is one type test when a slot is saved or
 * restored, which happens once per value per suspension, beside an array access anyway.
 *
 * <p>Stateless; the storage it works on is confined to the frame's thread.
 */
final class SlotArrays {
    private SlotArrays() {
    }

    /** New storage for {@code prims} primitive and {@code refs} reference slots (may be 0). */
    static Object allocate(int prims, int refs) {
        if (prims <= 0) {
            return refs <= 0 ? null : new Object[refs];
        }
        if (refs <= 0) {
            return new long[prims];
        }
        Object[] both = new Object[refs + 1];
        both[refs] = new long[prims];
        return both;
    }

    /** The primitive slots of {@code storage}. */
    static long[] prims(Object storage) {
        if (storage instanceof long[]) {
            return (long[]) storage;
        }
        Object[] both = (Object[]) storage;
        return (long[]) both[both.length - 1];
    }

    /** The reference slots of {@code storage} (with both kinds, one trailing element more). */
    static Object[] refs(Object storage) {
        return (Object[]) storage;
    }

    /**
     * {@code storage} without the kinds dropped: what is left, or null.
     *
     * @param mixed whether {@code storage} holds both kinds (an {@code Object[]} alone cannot tell)
     */
    static Object release(Object storage, boolean mixed, boolean dropPrims, boolean dropRefs) {
        if (storage == null || (dropPrims && dropRefs)) {
            return null;
        }
        if (!mixed) {
            boolean isPrims = storage instanceof long[];
            return (isPrims ? dropPrims : dropRefs) ? null : storage;
        }
        Object[] both = (Object[]) storage;
        if (dropRefs) {
            return both[both.length - 1];
        }
        if (dropPrims) {
            both[both.length - 1] = null; // keeps one spare element rather than copy the refs
        }
        return storage;
    }
}
