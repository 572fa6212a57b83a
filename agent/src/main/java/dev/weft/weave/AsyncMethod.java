package dev.weft.weave;

import java.util.List;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One {@code @Async} method found by the {@link ScanPass}, with its weaver-relevant instructions.
 *
 * @param method the method as read (the rewrite pass moves its code into the body)
 * @param site {@code Class.method(File.java:line)} of the method
 * @param awaits the {@code Weft.await} calls, in code order
 * @param plainDones {@code Weft.done} calls whose value goes straight to {@code ARETURN}: the
 *     call is removed and the return completes the coroutine
 * @param otherDones {@code Weft.done} calls used any other way: they become an already completed
 *     coroutine object
 * @param tailReturns the {@code ARETURN}s that do not return a plain done value: they await the
 *     returned coroutine or future (tail delegation) and complete with its value
 */
record AsyncMethod(MethodNode method, String site, List<MethodInsnNode> awaits,
                   List<MethodInsnNode> plainDones, List<MethodInsnNode> otherDones,
                   List<InsnNode> tailReturns) {
}
