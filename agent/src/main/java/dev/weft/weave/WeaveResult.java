package dev.weft.weave;

import java.util.List;

/**
 * The outcome of weaving one class.
 *
 * @param className the class's binary name ({@code a.b.C}), or null if the bytes were unreadable
 * @param bytes the woven class file, or null when the class is left unchanged
 * @param errors the code that could not be woven, one message each: with {@code bytes}, the
 *     methods concerned were made to throw their reason and the rest of the class was woven;
 *     without, the whole class was left unchanged
 */
public record WeaveResult(String className, byte[] bytes, List<WeaveError> errors) {

    /** Whether the weaver produced a new class file. */
    public boolean changed() {
        return bytes != null;
    }

    /** The errors as one message per line, ready for a log. */
    public List<String> messages() {
        // Bytes that were not a readable class name the file they came from, not a method.
        String verb = className == null ? "weft: cannot read " : "weft: cannot weave ";
        return errors.stream().map(e -> verb + e.site() + ": " + e.message()).toList();
    }
}
