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
 * @param kind coroutine or generator, from the declared return type
 * @param suspensions the calls that may suspend ({@code Weft.await}, {@code Weft.yield},
 *     {@code Weft.yieldFrom}), in code order
 * @param plainDones completing calls ({@code Weft.done}, {@code Generator.returning}) whose value
 *     goes straight to {@code ARETURN}: the call is removed and the return completes the method
 * @param otherDones completing calls used any other way: they become an already completed
 *     coroutine object
 * @param tailReturns the {@code ARETURN}s that do not return a plain completed value: a coroutine
 *     awaits the returned coroutine or future (tail delegation); a generator unwraps it
 */
record AsyncMethod(MethodNode method, String site, MethodKind kind, List<MethodInsnNode> suspensions,
                   List<MethodInsnNode> plainDones, List<MethodInsnNode> otherDones,
                   List<InsnNode> tailReturns) {
}
