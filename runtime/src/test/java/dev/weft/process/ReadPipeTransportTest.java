package dev.weft.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.net.BufferedProtocol;
import dev.weft.net.Transport;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read pump's hand-off with the loop, on a stream that never runs dry: a paused transport's
 * pump holds at most the one chunk it has read, resuming lets it go on, closing ends it, and
 * EOF becomes eofReceived then connectionLost(null).
 */
@Timeout(20)
class ReadPipeTransportTest {
    private final EventLoop loop = EventLoop.create();

    @AfterEach
    void close() {
        loop.close();
    }

    /** Every read fills the whole array at once, for ever (or until {@code limit} bytes). */
    static final class Source extends InputStream {
        final AtomicInteger reads = new AtomicInteger();
        private final long limit;
        private long given;

        Source(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() { // the same stream one byte at a time (the pump reads arrays)
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (given >= limit) {
                return -1;
            }
            reads.incrementAndGet();
            int n = (int) Math.min(len, limit - given);
            given += n;
            return n;
        }
    }

    /** Receives into a large buffer and logs the protocol calls. */
    static final class Recorder implements BufferedProtocol {
        final List<String> log = new ArrayList<>();
        final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long received;
        Future<Void> firstData;
        Future<Void> lost;

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            buffer.clear();
            return buffer;
        }

        @Override
        public void bufferUpdated(int nbytes) {
            received += nbytes;
            if (firstData != null && !firstData.done()) {
                firstData.setResult(null);
            }
        }

        @Override
        public boolean eofReceived() {
            log.add("eof");
            return false;
        }

        @Override
        public void connectionLost(Exception exc) {
            log.add("lost " + exc);
            if (lost != null) {
                lost.setResult(null);
            }
        }
    }

    private void runFor(long millis) {
        Future<Void> f = loop.createFuture();
        loop.callLater(Duration.ofMillis(millis), () -> f.setResult(null));
        loop.runUntilComplete(f);
    }

    @Test
    void paused_pumpHoldsOneChunk_resumeLetsItReadOn_closeEndsIt() throws Exception {
        Source source = new Source(Long.MAX_VALUE);
        Recorder protocol = new Recorder();
        protocol.firstData = loop.createFuture();
        protocol.lost = loop.createFuture();
        ReadPipeTransport t = new ReadPipeTransport(loop, protocol, source, "stdout of test",
                () -> protocol.log.add("onLost"));
        t.pauseReading(); // paused before anything arrives: the first chunk is held back
        t.start(0, "stdout");
        loop.runUntilComplete(protocol.firstData);
        runFor(50);

        assertEquals(1, source.reads.get(), "a paused pump must hold one chunk, not read on");
        assertEquals(ReadPipeTransport.FIRST_CHUNK, protocol.received);

        t.resumeReading();
        runFor(50);
        int afterResume = source.reads.get();
        assertTrue(afterResume > 1, "resumed, the pump reads on");
        assertTrue(protocol.received > ReadPipeTransport.FIRST_CHUNK);

        t.close();
        loop.runUntilComplete(protocol.lost);
        assertTrue(t.join(5000), "the pump ends once closed");
        assertEquals(List.of("eof", "lost null", "onLost"), protocol.log);
    }

    @Test
    void eof_deliversEverythingThenEofAndLoss_andThePumpEnds() throws Exception {
        long total = 3 * ReadPipeTransport.CHUNK + 17;
        Source source = new Source(total);
        Recorder protocol = new Recorder();
        protocol.lost = loop.createFuture();
        ReadPipeTransport t = new ReadPipeTransport(loop, protocol, source, "stdout of test",
                () -> protocol.log.add("onLost"));
        t.start(0, "stdout");
        loop.runUntilComplete(protocol.lost);

        assertEquals(total, protocol.received);
        assertEquals(List.of("eof", "lost null", "onLost"), protocol.log);
        assertTrue(t.join(5000), "the pump ends at EOF");
    }

    @Test
    void writeSide_isUnsupported_withAMessageNamingThePipe() {
        Transport t = new ReadPipeTransport(loop, new Recorder(), new Source(0), "stdout of 'x'",
                () -> { });
        UnsupportedOperationException e = org.junit.jupiter.api.Assertions.assertThrows(
                UnsupportedOperationException.class, () -> t.write(new byte[1]));
        assertTrue(e.getMessage().startsWith("stdout of 'x' is a read pipe"), e.getMessage());
    }
}
