package dev.weft;

/** When {@link Weft#wait(java.util.Collection, java.time.Duration, ReturnWhen)} returns. */
public enum ReturnWhen {
    /** When every awaitable is done (or the timeout passes). */
    ALL_COMPLETED,
    /** When any awaitable is done (or the timeout passes). */
    FIRST_COMPLETED,
    /** When any awaitable fails with an exception, or all are done (or the timeout passes). */
    FIRST_EXCEPTION
}
