package dev.weft.weave;

import java.util.List;

/**
 * How a woven method's frame stores its state: the layout of the arguments and of each
 * suspension point, and the frame's slot counts (the widest point wins).
 *
 * @param start the arguments' layout, used by the factory and by resume point 0
 * @param points one layout per suspension point, in label order
 * @param primSlots the number of {@code long} slots the frame needs
 * @param refSlots the number of {@code Object} slots the frame needs
 * @param pointPrimSlots the number of {@code long} slots the suspension points alone need
 * @param pointRefSlots the number of {@code Object} slots the suspension points alone need
 */
record FrameLayout(PointLayout start, List<PointLayout> points, int primSlots, int refSlots,
                   int pointPrimSlots, int pointRefSlots) {

    /** Whether the primitive slots carry only arguments and can go once those are restored. */
    boolean primsOnlyForArguments() {
        return primSlots > 0 && pointPrimSlots == 0;
    }

    /** Whether the reference slots carry only arguments and can go once those are restored. */
    boolean refsOnlyForArguments() {
        return refSlots > 0 && pointRefSlots == 0;
    }
}
