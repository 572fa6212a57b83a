package dev.weft.it.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.TimeoutError;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.LimitOverrunError;
import dev.weft.net.StreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stream reads that wait, awaited from woven coroutines on virtual time, the reader fed by hand:
 * what reaches the awaiting code when the read completes after its task suspended.
 */
class ReadWaitTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());

    @AfterEach
    void close() {
        loop.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    // ---- an error that arrives while the read waits ---------------------------------------------

    static final int AWAIT_LINE = 49; // the line of the await in awaitLine
    static final int CALL_LINE = 55; // the line of the await in callsAwaitLine

    @Async
    static Coroutine<byte[]> awaitLine(StreamReader reader) {
        return Weft.done(Weft.await(reader.readLine()));
    }

    @Async
    static Coroutine<Void> callsAwaitLine(StreamReader reader) {
        loop().callLater(5, () -> reader.feedData(bytes("far longer than eight bytes\n")));
        Weft.await(awaitLine(reader));
        return Weft.done();
    }

    private static EventLoop loop() {
        return Weft.loop();
    }

    @Test
    void waitingRead_failsWithLimitOverrun_traceShowsTheAwaitAndItsCaller() {
        StreamReader reader = new StreamReader(loop, 8);

        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> loop.runUntilComplete(callsAwaitLine(reader)));

        List<String> ours = Arrays.stream(e.getStackTrace())
                .filter(f -> f.getClassName().equals(ReadWaitTest.class.getName()))
                .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(Collectors.toList());
        assertEquals(List.of("awaitLine:" + AWAIT_LINE, "callsAwaitLine:" + CALL_LINE),
                ours.subList(0, Math.min(2, ours.size())), () -> "stack trace " + ours);
    }

    // ---- timeouts around a waiting read ---------------------------------------------------------

    @Async
    static Coroutine<String> waitForThenReadAgain(StreamReader reader) {
        String first;
        try {
            Weft.await(Weft.waitFor(reader.readLine(), Duration.ofMillis(10)));
            first = "no timeout";
        } catch (TimeoutError e) {
            first = "timed out";
        }
        reader.feedData(bytes("late\n"));
        return Weft.done(first + ", then " + text(Weft.await(reader.readLine())).trim());
    }

    @Test
    void waitFor_readTimesOut_readerStaysUsableForTheNextRead() {
        StreamReader reader = new StreamReader(loop);

        assertEquals("timed out, then late", loop.runUntilComplete(waitForThenReadAgain(reader)));
    }

    @Async
    static Coroutine<String> timeoutScopeThenReadAgain(StreamReader reader) {
        String first;
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(10)).run(reader.readExactly(4)));
            first = "no timeout";
        } catch (TimeoutError e) {
            first = "timed out with " + reader.bufferedSize() + " bytes buffered";
        }
        // Data and the deadline in the same iteration, the data first: the read is woken, then
        // cancelled before its task runs, so the bytes stay for the next read.
        loop().callLater(10, () -> reader.feedData(bytes("abcd")));
        try {
            Weft.await(Weft.timeout(Duration.ofMillis(10)).run(reader.readExactly(4)));
            first += "; no second timeout";
        } catch (TimeoutError e) {
            first += "; timed out again with " + reader.bufferedSize() + " bytes buffered";
        }
        return Weft.done(first + ", then " + text(Weft.await(reader.readExactly(4))));
    }

    @Test
    void timeoutScope_readTimesOut_bytesThatArriveWithTheDeadlineStayBuffered() {
        StreamReader reader = new StreamReader(loop);
        reader.feedData(bytes("ab"));

        // The feed is scheduled before the second scope's deadline, for the same time: timers
        // with equal deadlines run in scheduling order, so the data wakes the read first.
        assertEquals("timed out with 2 bytes buffered; timed out again with 6 bytes buffered, "
                + "then abab", loop.runUntilComplete(timeoutScopeThenReadAgain(reader)));
    }
}
