package dev.weft.it.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what weft logs to the {@code dev.weft} logger (System.Logger goes to
 * java.util.logging here) while a test runs, without printing it.
 *
 * <p>Records arrive on any thread (the watchdog logs from its own); reads are synchronised.
 */
final class LogCapture extends Handler implements AutoCloseable {
    /** Held strongly: java.util.logging keeps loggers weakly. */
    private final Logger weftLogger = Logger.getLogger("dev.weft");
    private final List<LogRecord> records = new ArrayList<>();

    LogCapture() {
        weftLogger.addHandler(this);
        weftLogger.setUseParentHandlers(false);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The records whose message satisfies {@code filter}, in arrival order. */
    synchronized List<LogRecord> matching(Predicate<String> filter) {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getMessage() != null && filter.test(r.getMessage())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Waits up to {@code millis} for at least one record matching {@code filter}, then returns
     * all of them; bounded, so a missing report fails the test instead of hanging it.
     */
    List<LogRecord> await(Predicate<String> filter, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        List<LogRecord> found = matching(filter);
        while (found.isEmpty() && System.nanoTime() - end < 0) {
            Thread.sleep(10);
            found = matching(filter);
        }
        return found;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        weftLogger.removeHandler(this);
        weftLogger.setUseParentHandlers(true);
    }
}
