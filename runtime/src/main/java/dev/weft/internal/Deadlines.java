package dev.weft.internal;

import java.time.Duration;

/**
 * Arithmetic on deadlines and delays in nanoseconds, on the scale of a {@link Clock}.
 *
 * <p>Timers compare deadlines by subtraction ({@code a - b < 0}), which stays correct when the
 * clock's counter wraps, as {@link System#nanoTime()} requires, but only while every pending
 * deadline is within half of the {@code long} range of every other. The loop guarantees that by
 * clamping each deadline to within {@link #MAX_DELAY_NANOS} (about 73 years) of now. Conversions
 * saturate instead of overflowing, so {@code Duration.ofSeconds(Long.MAX_VALUE)} means "never in
 * practice" rather than an exception or a deadline in the past.
 *
 * <p>Stateless; safe on any thread.
 *
 * <p>Not API: public only because the core package {@code dev.weft} uses it from another
 * package; it depends on nothing of weft's.
 */
public final class Deadlines {
    /** The farthest a deadline may be from now, in either direction: {@code Long.MAX_VALUE / 4}. */
    public static final long MAX_DELAY_NANOS = Long.MAX_VALUE / 4;

    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Deadlines() {
    }

    /** {@code delay} in nanoseconds, saturated to the {@code long} range. */
    public static long saturatedNanos(Duration delay) {
        long seconds = delay.getSeconds();
        if (seconds >= Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / NANOS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return delay.toNanos();
    }

    /** {@code millis} in nanoseconds, saturated to the {@code long} range. */
    public static long saturatedNanos(long millis) {
        if (millis > Long.MAX_VALUE / NANOS_PER_MILLI) {
            return Long.MAX_VALUE;
        }
        if (millis < Long.MIN_VALUE / NANOS_PER_MILLI) {
            return Long.MIN_VALUE;
        }
        return millis * NANOS_PER_MILLI;
    }

    /** {@code now + delayNanos}, with the delay clamped to {@code ±MAX_DELAY_NANOS}. */
    public static long after(long now, long delayNanos) {
        return now + Math.max(-MAX_DELAY_NANOS, Math.min(MAX_DELAY_NANOS, delayNanos));
    }

    /** {@code deadline}, moved to within {@code ±MAX_DELAY_NANOS} of {@code now} if needed. */
    public static long clamp(long deadline, long now) {
        long rel = deadline - now;
        if (((deadline ^ now) & (deadline ^ rel)) < 0) {
            // The subtraction overflowed: the true distance is beyond any clamp bound.
            rel = deadline < now ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (rel > MAX_DELAY_NANOS || rel < -MAX_DELAY_NANOS) {
            return after(now, rel);
        }
        return deadline;
    }

    /** Milliseconds to block until {@code waitNanos} have passed, rounded up; 0 if due. */
    public static long ceilMillis(long waitNanos) {
        // Rounding up matters: waking before the deadline would only spin an empty iteration.
        return waitNanos <= 0 ? 0 : (waitNanos - 1) / NANOS_PER_MILLI + 1;
    }
}
