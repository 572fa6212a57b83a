package dev.weft.weave.fuzz;

import java.util.List;

/**
 * What one run of a generated program did: its log, and either its value or the class and
 * message of the exception it threw. Two runs agree when these are equal.
 *
 * @param log the side-effect log, in order
 * @param value the returned value, or null when it threw
 * @param error {@code Class: message} of the exception thrown, or null
 */
record Outcome(List<String> log, Integer value, String error) {
    static Outcome of(List<String> log, Object value, Throwable error) {
        return new Outcome(List.copyOf(log), error == null ? (Integer) value : null,
                error == null ? null : error.getClass().getName() + ": " + error.getMessage());
    }
}
