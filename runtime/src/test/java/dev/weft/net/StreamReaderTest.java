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
}
