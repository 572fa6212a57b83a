package dev.weft.weave;

import java.util.List;

/**
 * What the {@link ScanPass} found in one class.
 *
 * @param methods the {@code @Async} methods to weave
 * @param rejections the code that cannot be woven; the rest of the class is woven all the same
 */
record ScanResult(List<AsyncMethod> methods, List<Rejection> rejections) {

    /** The reasons of every rejection, in class order. */
    List<WeaveError> errors() {
        return rejections.stream().map(Rejection::error).toList();
    }
}
