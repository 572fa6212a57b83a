package dev.weft.testing;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Keeps the build quiet without losing what a failing test logged, for every module whose tests
 * use it (runtime, tests and examples: shared through the runtime's test jar): the
 * {@code java.util.logging} handler a module's tests run with
 * ({@code src/test/resources/logging.properties}, set by surefire's
 * {@code java.util.logging.config.file}) holds log records in memory instead of printing them,
 * and this JUnit Platform listener (registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}) prints them on
 * standard error, under the test's name, only when that test fails or aborts. On a loaded
 * machine the blocking-call watchdog reports steps that merely waited for a CPU (class loading
 * on the test thread, say); those reports stay here unless the test fails.
 *
 * <p>Records belong to the test that ran when they arrived; those that arrive between tests go
 * with the next test. At most {@value #LIMIT} records are kept per test: the oldest are dropped
 * first.
 *
 * <p>Threading: records are published from any thread (the watchdog's, a loop's, the test's);
 * the buffer is guarded by its class's monitor.
 */
public final class FailedTestLogs implements TestExecutionListener {
    private static final int LIMIT = 500;
    private static final ArrayDeque<LogRecord> BUFFER = new ArrayDeque<>();

    /** The handler named in {@code logging.properties}: buffers every record it is given. */
    public static final class Buffer extends Handler {
        /** Made by {@code java.util.logging} from the configuration; formats as the console would. */
        public Buffer() {
            setFormatter(new SimpleFormatter());
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                synchronized (FailedTestLogs.class) {
                    if (BUFFER.size() == LIMIT) {
                        BUFFER.removeFirst();
                    }
                    BUFFER.addLast(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        List<LogRecord> records = drain();
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && !records.isEmpty()) {
            print(test, records, System.err);
        }
    }

    private static synchronized List<LogRecord> drain() {
        List<LogRecord> records = new ArrayList<>(BUFFER);
        BUFFER.clear();
        return records;
    }

    private static void print(TestIdentifier test, List<LogRecord> records, PrintStream out) {
        SimpleFormatter format = new SimpleFormatter();
        StringBuilder text = new StringBuilder("--- what weft logged while " + test.getDisplayName()
                + " (" + test.getUniqueId() + ") ran, before it failed ---\n");
        records.forEach(r -> text.append(format.format(r)));
        out.print(text.append("--- end of the log ---\n"));
    }
}
