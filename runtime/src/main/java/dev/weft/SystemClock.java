package dev.weft;

/** The wall-clock-driven {@link Clock} of {@link System#nanoTime()}. Stateless; any thread. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public String toString() {
        return "Clock.system()";
    }
}
