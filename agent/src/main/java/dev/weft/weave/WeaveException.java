package dev.weft.weave;

/**
 * Thrown by a pass when the class cannot be woven; carries the user-facing error. The pipeline
 * catches it and leaves the class unchanged.
 */
final class WeaveException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient WeaveError error;

    WeaveException(WeaveError error) {
        super(error.toString());
        this.error = error;
    }

    WeaveError error() {
        return error;
    }
}
