package dev.weft.weave;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * One place where a woven body may suspend, with the verifier types of what is live there.
 *
 * @param label the resume point's number: the value of {@code Frame.state} that resumes here
 *     (1-based; 0 is the method's start)
 * @param insn the {@code Weft.await} call, or the {@code ARETURN} of a tail delegation
 * @param tail whether this is a tail delegation ({@code return otherCoroutine;}): nothing needs
 *     saving, the resumed value is returned at once
 * @param locals the type of each local slot of the original method at the point, or null where
 *     the slot holds nothing usable (unset, the second half of a long/double)
 * @param stack the operand stack below the awaited value, bottom first
 * @param line the source line, for the resume code's line-number entry
 */
record SuspensionPoint(int label, AbstractInsnNode insn, boolean tail, List<Type> locals,
                       List<Type> stack, int line) {
}
