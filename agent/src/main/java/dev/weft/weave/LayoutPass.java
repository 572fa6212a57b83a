package dev.weft.weave;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Pass 3: a pure function from the analysed suspension points to the frame's slots.
 *
 * <p>Each point is laid out on its own: a frame saves one point at a time, so every point
 * numbers its primitive and reference slots from zero and the frame is as wide as its widest
 * point. Known nulls take no slot. Stack entries come first (bottom up), then locals.
 *
 * <p>Stateless; safe on any thread.
 */
final class LayoutPass {
    private LayoutPass() {
    }

    /**
     * @param argumentTypes the types of the original method's local slots holding {@code this}
     *     and the arguments at entry (slot order, wide types followed by a null)
     */
    static FrameLayout layout(List<Type> argumentTypes, List<SuspensionPoint> points) {
        PointLayout start = layoutOne(null, List.of(), argumentTypes);
        int prims = 0;
        int refs = 0;
        List<PointLayout> laid = new ArrayList<>();
        for (SuspensionPoint p : points) {
            PointLayout l = layoutOne(p, p.stack(), p.tail() ? List.of() : p.locals());
            prims = Math.max(prims, count(l, false));
            refs = Math.max(refs, count(l, true));
            laid.add(l);
        }
        return new FrameLayout(start, List.copyOf(laid), Math.max(prims, count(start, false)),
                Math.max(refs, count(start, true)), prims, refs);
    }

    /** The local slot types of {@code this} (if any) and the arguments of a method. */
    static List<Type> argumentLocals(String ownerInternalName, boolean isStatic, String desc) {
        List<Type> types = new ArrayList<>();
        if (!isStatic) {
            types.add(Type.getObjectType(ownerInternalName));
        }
        for (Type t : Type.getArgumentTypes(desc)) {
            types.add(t);
            if (t.getSize() == 2) {
                types.add(null);
            }
        }
        return types;
    }

    private static PointLayout layoutOne(SuspensionPoint point, List<Type> stack, List<Type> locals) {
        int[] next = new int[2]; // [prim, ref]
        List<SavedValue> savedStack = new ArrayList<>();
        for (Type t : stack) {
            savedStack.add(assign(t, -1, next));
        }
        List<SavedValue> savedLocals = new ArrayList<>();
        for (int i = 0; i < locals.size(); i++) {
            Type t = locals.get(i);
            if (t != null) {
                savedLocals.add(assign(t, i, next));
            }
        }
        return new PointLayout(point, List.copyOf(savedStack), List.copyOf(savedLocals));
    }

    private static SavedValue assign(Type type, int local, int[] next) {
        SlotKind kind = SlotKind.of(type);
        int slot;
        if (kind == SlotKind.NULL) {
            slot = -1;
        } else if (kind.usesPrimSlot()) {
            slot = next[0]++;
        } else {
            slot = next[1]++;
        }
        return new SavedValue(kind, type, local, slot);
    }

    private static int count(PointLayout l, boolean refs) {
        int n = 0;
        for (SavedValue v : l.stack()) {
            n += counts(v, refs) ? 1 : 0;
        }
        for (SavedValue v : l.locals()) {
            n += counts(v, refs) ? 1 : 0;
        }
        return n;
    }

    private static boolean counts(SavedValue v, boolean refs) {
        return v.kind() != SlotKind.NULL && v.kind().reference == refs;
    }
}
