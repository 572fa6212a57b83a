package dev.weft.weave;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The value a {@code NEW} instruction pushes, before its constructor has run. Equal when made by
 * the same {@code NEW} — the JVM's verifier names an uninitialised type by the offset of its
 * {@code NEW}, so a loop that runs one {@code NEW} again makes the same type — and never equal to
 * another {@code NEW}'s, so two objects of one class under construction stay apart;
 * {@link AnalysisFrame} replaces every copy with an initialised value once the constructor is
 * called.
 */
final class UninitializedValue extends BasicValue {
    private final AbstractInsnNode newInsn;

    UninitializedValue(Type type, AbstractInsnNode newInsn) {
        super(type);
        this.newInsn = newInsn;
    }

    AbstractInsnNode newInsn() {
        return newInsn;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UninitializedValue && ((UninitializedValue) other).newInsn == newInsn;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(newInsn);
    }

    @Override
    public String toString() {
        return "uninitialized " + getType().getInternalName();
    }
}
