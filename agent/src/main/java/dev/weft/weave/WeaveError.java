package dev.weft.weave;

/**
 * One reason a class cannot be woven, with the user's method in
 * {@code Class.method(File.java:line)} form and what to change.
 *
 * @param site where: {@code Class.method(File.java:line)}
 * @param message what is wrong and what to do
 */
public record WeaveError(String site, String message) {
    @Override
    public String toString() {
        return site + ": " + message;
    }
}
