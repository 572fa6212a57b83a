package dev.weft.weave;

import java.util.List;

/**
 * The slot assignment of one suspension point (or of the method's start, label 0, where the
 * arguments are the only saved values).
 *
 * @param point the analysed point; null for the method's start
 * @param stack the operand-stack entries below the awaited value, bottom first
 * @param locals the local variables, in slot order
 */
record PointLayout(SuspensionPoint point, List<SavedValue> stack, List<SavedValue> locals) {
}
