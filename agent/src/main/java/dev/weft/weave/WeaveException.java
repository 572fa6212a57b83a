package dev.weft.weave;

/**
 * Thrown by a pass when the class cannot be woven; carries the user-facing error. The pipeline
 * catches it and leaves the class unchanged.
 */
final class WeaveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient WeaveError error;
    private final String method;

    WeaveException(WeaveError error) {
        this(error, null);
    }

    /**
     * @param method {@code name + descriptor} of the one method of the output at fault, when the
     *     failure can be pinned on it (the rest of the class can then be woven without it)
     */
    WeaveException(WeaveError error, String method) {
        super(error.toString());
        this.error = error;
        this.method = method;
    }

    WeaveError error() {
        return error;
    }

    /** {@code name + descriptor} of the method at fault, or null when it is the whole class. */
    String method() {
        return method;
    }
}
