package dev.weft.weave;

import org.objectweb.asm.Type;

/**
 * Where one live value is kept while its frame is suspended.
 *
 * @param kind how it is stored
 * @param type its verifier type (restored references are cast back to it)
 * @param local the original local slot it lives in, or -1 for an operand-stack entry
 * @param slot the index in the frame's primitive or reference slots; -1 for {@link SlotKind#NULL}
 */
record SavedValue(SlotKind kind, Type type, int local, int slot) {
    boolean isLocal() {
        return local >= 0;
    }
}
