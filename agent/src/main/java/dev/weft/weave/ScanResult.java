package dev.weft.weave;

import java.util.List;

/**
 * What the {@link ScanPass} found in one class.
 *
 * @param methods the {@code @Async} methods to weave
 * @param errors reasons the class cannot be woven; when non-empty the class is left unchanged
 */
record ScanResult(List<AsyncMethod> methods, List<WeaveError> errors) {
}
