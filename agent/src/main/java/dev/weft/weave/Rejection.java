package dev.weft.weave;

import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One piece of code the weaver refuses, and what becomes of it: a whole {@code @Async} method
 * (its code is replaced by a throw of the reason, see {@link RejectedCode}), or one marker call in
 * a method that is not {@code @Async} (the call is replaced by that throw; the rest of the
 * method is kept).
 *
 * @param method the method concerned
 * @param marker the refused marker call, or null when the whole method is refused
 * @param error the reason, naming {@code Class.method(File.java:line)}
 */
record Rejection(MethodNode method, MethodInsnNode marker, WeaveError error) {
}
