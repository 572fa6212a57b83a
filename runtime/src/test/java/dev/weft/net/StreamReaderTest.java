package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.AsyncGenerator;
import dev.weft.CancelledError;
import dev.weft.Clock;
import dev.weft.EventLoop;
import dev.weft.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stream reader fed by hand on virtual time: each read is run as a task (the runtime wraps
 * the read coroutine), data arrives from timers.
 */
class StreamReaderTest {
    private final EventLoop loop = EventLoop.create(Clock.virtual());
    private final StreamReader reader = new StreamReader(loop, 16);

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

    /** Feeds each of {@code parts} one millisecond after the previous one. */
    private void feedLater(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            byte[] part = bytes(parts[i]);
            loop.callLater(i + 1, () -> reader.feedData(part));
        }
    }

    @Test
    void readLine_lineSplitAcrossFeeds_returnsWholeLineWithNewline() {
        feedLater("hel", "lo", "\nrest");

        assertEquals("hello\n", text(loop.runUntilComplete(reader.readLine())));
        assertEquals(4, reader.bufferedSize());
    }

    @Test
    void readUntil_separatorSplitAcrossFeeds_findsIt() {
        feedLater("abc\r", "\n", "def");

        assertEquals("abc\r\n", text(loop.runUntilComplete(reader.readUntil(bytes("\r\n")))));
        assertEquals("def", text(loop.runUntilComplete(reader.read(100))));
    }

    @Test
    void readUntil_multiByteSeparatorInThreeFeeds_findsIt() {
        feedLater("x-", "-", "-end");

        assertEquals("x---", text(loop.runUntilComplete(reader.readUntil(bytes("---")))));
    }

    @Test
    void readUntil_eofBeforeSeparator_throwsIncompleteReadErrorWithAllBytes() {
        reader.feedData(bytes("partial"));
        reader.feedEof();

        IncompleteReadError e = assertThrows(IncompleteReadError.class,
                () -> loop.runUntilComplete(reader.readUntil(bytes("\n"))));

        assertEquals("partial", text(e.partial()));
        assertEquals(-1, e.expected());
        assertTrue(reader.atEof());
    }

    @Test
    void readUntil_chunkLongerThanLimit_throwsLimitOverrunErrorAndKeepsBytes() {
        reader.feedData(bytes("0123456789abcdefghij\n"));

        LimitOverrunError e = assertThrows(LimitOverrunError.class,
                () -> loop.runUntilComplete(reader.readUntil(bytes("\n"))));

        assertEquals(20, e.consumed());
        assertEquals(21, reader.bufferedSize());
    }

    @Test
    void readLine_lineLongerThanLimit_throwsAndDiscardsItSoNextLineReads() {
        reader.feedData(bytes("0123456789abcdefghij\nnext\n"));

        assertThrows(LimitOverrunError.class, () -> loop.runUntilComplete(reader.readLine()));

        assertEquals("next\n", text(loop.runUntilComplete(reader.readLine())));
    }

    @Test
    void readLine_noNewlineAndOverLimit_throwsWithoutWaitingForMore() {
        reader.feedData(bytes("0123456789abcdefghijklmn"));

        assertThrows(LimitOverrunError.class, () -> loop.runUntilComplete(reader.readLine()));
        assertEquals(0, reader.bufferedSize());
    }

    @Test
    void readLine_atEofWithUnterminatedTail_returnsTailThenEmpty() {
        reader.feedData(bytes("tail"));
        reader.feedEof();

        assertEquals("tail", text(loop.runUntilComplete(reader.readLine())));
        assertEquals(0, loop.runUntilComplete(reader.readLine()).length);
    }

    @Test
    void readExactly_eofFirst_throwsIncompleteReadErrorWithPartialAndExpected() {
        feedLater("abc");
        loop.callLater(5, reader::feedEof);

        IncompleteReadError e = assertThrows(IncompleteReadError.class,
                () -> loop.runUntilComplete(reader.readExactly(10)));

        assertEquals("abc", text(e.partial()));
        assertEquals(10, e.expected());
    }

    @Test
    void readExactly_enoughInPieces_returnsExactlyN() {
        feedLater("ab", "cd", "ef");

        assertEquals("abcde", text(loop.runUntilComplete(reader.readExactly(5))));
        assertEquals(1, reader.bufferedSize());
    }

    @Test
    void read_n_returnsWhatIsBufferedUpToN() {
        reader.feedData(bytes("abcdef"));

        assertEquals("abcd", text(loop.runUntilComplete(reader.read(4))));
        assertEquals("ef", text(loop.runUntilComplete(reader.read(4))));
    }

    @Test
    void read_noArgument_readsToEofAcrossFeeds() {
        feedLater("a", "b", "c");
        loop.callLater(10, reader::feedEof);

        assertEquals("abc", text(loop.runUntilComplete(reader.read())));
        assertTrue(reader.atEof());
        assertEquals(0, loop.runUntilComplete(reader.read(10)).length);
    }

    @Test
    void read_afterSetException_throwsThatException() {
        IOException reset = new IOException("Connection reset");
        loop.callLater(1, () -> reader.setException(reset));

        IOException e = assertThrows(IOException.class,
                () -> loop.runUntilComplete(reader.read(10)));

        assertSame(reset, e);
    }

    @Test
    void read_whileAnotherReadWaits_failsWithIllegalStateException() {
        Task<byte[]> first = loop.createTask(reader.read(10));
        loop.callLater(1, () -> loop.createTask(reader.readLine()).addDoneCallback(second -> {
            assertTrue(second.exception() instanceof IllegalStateException);
            reader.feedData(bytes("x"));
        }));

        assertEquals("x", text(loop.runUntilComplete(first)));
    }

    @Test
    void read_cancelledWhileWaiting_keepsDataForTheNextRead() {
        Task<byte[]> waiting = loop.createTask(reader.readExactly(3));
        loop.callLater(1, waiting::cancel);
        loop.callLater(2, () -> reader.feedData(bytes("abc")));

        assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiting));
        assertEquals("abc", text(loop.runUntilComplete(reader.readExactly(3))));
    }

    @Test
    void lines_iteratedWithHasNext_yieldsEachLineThenEnds() {
        feedLater("one\ntw", "o\nthree");
        loop.callLater(5, reader::feedEof);
        AsyncGenerator<byte[]> lines = reader.lines();
        List<String> got = new ArrayList<>();

        while (loop.runUntilComplete(lines.hasNext())) {
            got.add(text(lines.next()));
        }

        assertEquals(List.of("one\n", "two\n", "three"), got);
        assertFalse(loop.runUntilComplete(lines.hasNext()));
    }

    @Test
    void readExactly_negative_failsAtCall() {
        assertThrows(IllegalArgumentException.class, () -> reader.readExactly(-1));
        assertThrows(IllegalArgumentException.class, () -> reader.readUntil(new byte[0]));
    }

    @Test
    void readLine_bufferedLine_completesWithoutSuspending() {
        reader.feedData(bytes("ready\n"));
        Task<byte[]> t = loop.createTask(reader.readLine());
        loop.stop();
        loop.runForever(); // one iteration: the task's first step

        assertTrue(t.done());
        assertArrayEquals(bytes("ready\n"), t.result());
    }

    // ---- the reusable read and its one waiter ----------------------------------------------

    @Test
    void read_cancelledAfterDataWokeItBeforeItResumed_keepsDataForTheNextRead() {
        Task<byte[]> waiting = loop.createTask(reader.readExactly(3));
        loop.callLater(1, () -> {
            reader.feedData(bytes("abc")); // wakes the read: its task is scheduled...
            waiting.cancel(); // ...and cancelled before it runs
        });

        assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiting));
        assertEquals(3, reader.bufferedSize());
        assertEquals("abc", text(loop.runUntilComplete(reader.readExactly(3))));
    }

    @Test
    void read_cancelledTwiceOrUncancelledBeforeItResumed_failsOnceAndFreesTheReader() {
        Task<byte[]> twice = loop.createTask(reader.readLine());
        loop.callLater(1, () -> {
            twice.cancel("first");
            twice.cancel("second");
        });
        assertEquals("second", assertThrows(CancelledError.class,
                () -> loop.runUntilComplete(twice)).getMessage());

        Task<byte[]> withdrawn = loop.createTask(reader.readLine());
        loop.callLater(1, () -> {
            withdrawn.cancel();
            withdrawn.uncancel(); // too late: the waiter was cancelled under the task
        });
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(withdrawn));

        feedLater("still usable\n");
        assertEquals("still usable\n", text(loop.runUntilComplete(reader.readLine())));
    }

    @Test
    void read_whileTheWokenReadHasNotResumed_failsAndTheWokenReadGetsItsBytes() {
        Task<byte[]> first = loop.createTask(reader.readLine());
        List<Throwable> second = new ArrayList<>();
        loop.callLater(1, () -> {
            // The second read's task is scheduled first, the woken read's task right after it.
            loop.createTask(reader.read(100)).addDoneCallback(t -> second.add(t.exception()));
            reader.feedData(bytes("mine\nmore"));
        });

        assertEquals("mine\n", text(loop.runUntilComplete(first)));
        assertTrue(second.get(0) instanceof IllegalStateException, () -> "got " + second);
        assertEquals("more", text(loop.runUntilComplete(reader.read(100))));
    }

    @Test
    void read_whileACancelledReadHasNotResumed_readsTheBufferedBytes() {
        reader.feedData(bytes("ab"));
        Task<byte[]> waiting = loop.createTask(reader.readExactly(3));
        List<String> got = new ArrayList<>();
        loop.callLater(1, () -> {
            // Scheduled ahead of the cancelled task's resumption: the bytes are not its any more.
            loop.createTask(reader.read(10)).addDoneCallback(t -> got.add(text(t.result())));
            waiting.cancel();
        });

        assertThrows(CancelledError.class, () -> loop.runUntilComplete(waiting));
        assertEquals(List.of("ab"), got);
    }

    @Test
    void readUntil_bytesTakenByAnotherReadWhileItWaits_stillFindsTheSeparator() {
        reader.feedData(bytes("ab"));
        Task<byte[]> waiting = loop.createTask(reader.readUntil(bytes("\n")));
        loop.callLater(1, () -> loop.createTask(reader.read(1))); // takes "a" while it waits
        loop.callLater(2, () -> reader.feedData(bytes("\n")));

        assertEquals("b\n", text(loop.runUntilComplete(waiting)));
    }

    @Test
    void sameRead_awaitedTwice_readsTwice() {
        reader.feedData(bytes("one\ntwo\n"));
        assertSame(reader.readLine(), reader.readLine());
        assertSame(reader.read(5), reader.read(5));
        assertSame(reader.readUntil(bytes("\n")), reader.readUntil(bytes("\n")));

        dev.weft.Coroutine<byte[]> line = reader.readLine();
        assertEquals("one\n", text(loop.runUntilComplete(line)));
        assertEquals("two\n", text(loop.runUntilComplete(line)));
    }

    @Test
    void readUntil_separatorArrayChangedAfterTheCall_readsWithTheOriginal() {
        byte[] sep = bytes(";");
        dev.weft.Coroutine<byte[]> read = reader.readUntil(sep);
        sep[0] = ',';
        reader.feedData(bytes("a,b;c,"));

        assertEquals("a,b;", text(loop.runUntilComplete(read)));
        assertEquals("c,", text(loop.runUntilComplete(reader.readUntil(sep))));
    }

    @Test
    void lines_sameHasNextAwaitedTwice_loosesNoLine() {
        reader.feedData(bytes("a\nb\n"));
        AsyncGenerator<byte[]> lines = reader.lines();
        dev.weft.Coroutine<Boolean> hasNext = lines.hasNext();

        assertTrue(loop.runUntilComplete(hasNext));
        assertTrue(loop.runUntilComplete(hasNext));
        assertEquals("a\n", text(lines.next()));
        assertTrue(loop.runUntilComplete(lines.hasNext()));
        assertEquals("b\n", text(lines.next()));
    }

    @Test
    void readLine_lineTooLongArrivesWhileWaiting_throwsAtTheAwaitAndDiscardsIt() {
        feedLater("0123456789", "abcdefghij\nok\n");

        assertThrows(LimitOverrunError.class, () -> loop.runUntilComplete(reader.readLine()));
        assertEquals("ok\n", text(loop.runUntilComplete(reader.readLine())));
    }

    @Test
    void readExactly_eofWhileWaiting_throwsIncompleteReadErrorAndLaterReadsAreEmpty() {
        feedLater("ab");
        loop.callLater(3, reader::feedEof);

        IncompleteReadError e = assertThrows(IncompleteReadError.class,
                () -> loop.runUntilComplete(reader.readExactly(4)));
        assertEquals("ab", text(e.partial()));
        assertEquals(0, loop.runUntilComplete(reader.read(4)).length);
        assertEquals(0, loop.runUntilComplete(reader.readLine()).length);
    }

    @Test
    void waitingRead_manyTimes_usesOneWaiterAndTaskReprNamesTheRead() {
        for (int i = 0; i < 3; i++) {
            Task<byte[]> t = loop.createTask(reader.readLine());
            assertTrue(t.toString().contains("dev.weft.net.StreamReader.readLine(StreamReader.java)"),
                    t::toString);
            String line = "line " + i + "\n";
            loop.callLater(1, () -> reader.feedData(bytes(line)));
            assertEquals(line, text(loop.runUntilComplete(t)));
        }
        assertFalse(reader.toString().contains("waiting"), reader::toString);
    }

    // ---- flow control: the 2x limit pause ----------------------------------------------------

    /** A transport that only logs pauseReading/resumeReading. */
    private static Transport flowLog(List<String> log) {
        return (Transport) java.lang.reflect.Proxy.newProxyInstance(
                Transport.class.getClassLoader(), new Class<?>[] {Transport.class},
                (proxy, method, args) -> {
                    log.add(method.getName());
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }

    @Test
    void feed_pastTwiceTheLimit_pausesUntilReadsBringItBackToTheLimit() {
        List<String> log = new ArrayList<>();
        reader.setTransport(flowLog(log));
        reader.feedData(new byte[33]);
        assertEquals(List.of("pauseReading"), log);

        assertEquals(10, loop.runUntilComplete(reader.read(10)).length); // 23 left
        assertEquals(List.of("pauseReading"), log);
        assertEquals(10, loop.runUntilComplete(reader.read(10)).length); // 13 left
        assertEquals(List.of("pauseReading", "resumeReading"), log);
    }

    @Test
    void feed_pastTwiceTheLimitWhileAReadToEofWaits_keepsReading() {
        List<String> log = new ArrayList<>();
        reader.setTransport(flowLog(log));
        reader.feedData(new byte[40]); // paused: nobody reads
        Task<byte[]> all = loop.createTask(reader.read());
        loop.callLater(1, () -> reader.feedData(new byte[40]));
        loop.callLater(2, reader::feedEof);

        assertEquals(80, loop.runUntilComplete(all).length);
        assertEquals(List.of("pauseReading", "resumeReading"), log); // resumed as the read waited
    }

    @Test
    @Timeout(10)
    void feedEofAndSetException_fromAnotherThread_failAndChangeNothing() throws Exception {
        List<Throwable> errors = new ArrayList<>();
        Thread intruder = new Thread(() -> {
            for (Runnable call : List.<Runnable>of(reader::feedEof,
                    () -> reader.setException(new IOException("x")))) {
                try {
                    call.run();
                } catch (IllegalStateException e) {
                    errors.add(e);
                }
            }
        }, "intruder");
        intruder.start();
        intruder.join();
        assertEquals(2, errors.size(), "both calls refused");
        assertFalse(reader.atEof());
        assertEquals(null, reader.exception());
    }

    @Test
    @Timeout(10)
    void read_awaitedFromATaskOfAnotherLoopsThread_failsWithIllegalState() throws Exception {
        List<Object> outcome = new ArrayList<>();
        Thread other = new Thread(() -> {
            EventLoop theirs = EventLoop.create(Clock.virtual());
            try {
                outcome.add(theirs.runUntilComplete(reader.readLine()));
            } catch (IllegalStateException e) {
                outcome.add(e);
            } finally {
                theirs.close();
            }
        }, "other-loop");
        other.setDaemon(true); // a regression would leave it waiting for ever on our reader
        other.start();
        other.join(5_000);
        assertFalse(other.isAlive(), "the other loop's read hangs instead of failing");
        assertTrue(outcome.get(0) instanceof IllegalStateException, String.valueOf(outcome));
        reader.feedData(bytes("still usable\n"));
        assertEquals("still usable\n", text(loop.runUntilComplete(reader.readLine())));
    }
}
