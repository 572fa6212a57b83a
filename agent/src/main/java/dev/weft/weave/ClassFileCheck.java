package dev.weft.weave;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.objectweb.asm.Opcodes;

/**
 * Explains why bytes that should be a class file cannot be read, in one sentence that says what
 * to do: not a class file at all, a class file from a newer JDK than this weaver's ASM reads, or
 * a truncated or corrupt one. The weaver names the file (or class) the bytes came from beside it.
 *
 * <p>Stateless; safe on any thread.
 */
final class ClassFileCheck {
    private static final int MAGIC = 0xCAFEBABE;
    /** Class-file major version of Java 1 is 45: Java N is major N + 44. */
    private static final int JAVA_OFFSET = 44;
    private static final int NEWEST_MAJOR = newestReadableMajor();

    private ClassFileCheck() {
    }

    /** Why {@code b} is not even worth handing to the class reader, or null if it may be a class. */
    static String earlyProblem(byte[] b) {
        if (b == null || b.length < 10 || u4(b, 0) != MAGIC) {
            return "not a class file (it does not start with 0xCAFEBABE); delete it or rebuild it";
        }
        int major = u2(b, 6);
        if (major > NEWEST_MAJOR) {
            return "the class file is version " + major + " (Java " + (major - JAVA_OFFSET)
                    + "), newer than this weaver reads (up to version " + NEWEST_MAJOR + ", Java "
                    + (NEWEST_MAJOR - JAVA_OFFSET) + "); compile with --release "
                    + (NEWEST_MAJOR - JAVA_OFFSET) + " or lower, or use a weft release that supports Java "
                    + (major - JAVA_OFFSET);
        }
        return null;
    }

    /** Why reading {@code b} failed with {@code failure}, the class reader's exception. */
    static String readProblem(byte[] b, RuntimeException failure) {
        String early = earlyProblem(b);
        if (early != null) {
            return early;
        }
        return "the class file is truncated or corrupt (" + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                + "; the file has " + b.length + " bytes); rebuild it (e.g. a clean build)";
    }

    /** The highest major version among ASM's {@code Opcodes.V*} constants: what its reader accepts. */
    private static int newestReadableMajor() {
        int newest = Opcodes.V17;
        for (Field f : Opcodes.class.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers())
                    && f.getName().matches("V\\d+")) {
                try {
                    newest = Math.max(newest, f.getInt(null) & 0xFFFF);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e); // public constants of a public interface
                }
            }
        }
        return newest;
    }

    private static int u2(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    private static int u4(byte[] b, int off) {
        return (u2(b, off) << 16) | u2(b, off + 2);
    }
}
