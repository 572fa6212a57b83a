package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import org.junit.jupiter.api.Test;

/** {@link SocketOutput} over a fake channel that counts its calls and takes a set budget. */
class SocketOutputTest {
    /** Takes at most {@link #budget} bytes in all, then refuses; records what it took. */
    static final class FakeChannel implements GatheringByteChannel {
        final ByteArrayOutputStream taken = new ByteArrayOutputStream();
        int budget = Integer.MAX_VALUE;
        int calls;

        @Override
        public int write(ByteBuffer src) {
            calls++;
            int n = Math.min(src.remaining(), budget);
            byte[] b = new byte[n];
            src.get(b);
            taken.writeBytes(b);
            budget -= n;
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new AssertionError("SocketOutput gathers by copying, not by writev");
        }

        @Override
        public long write(ByteBuffer[] srcs) {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private final FakeChannel channel = new FakeChannel();
    private final SocketOutput output = new SocketOutput(channel);
    private final ByteBuffer io = ByteBuffer.allocateDirect(64 * 1024);

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    void append_makesNoSystemCall() {
        output.append(bytes(10, 0), 0, 10);

        assertEquals(0, channel.calls);
        assertEquals(10, output.size());
    }

    @Test
    void flush_manyAppends_oneWriteInAppendOrder() throws Exception {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            byte[] b = bytes(100, i);
            output.append(b, 0, b.length);
            expected.writeBytes(b);
        }

        assertTrue(output.flush(io));

        assertEquals(1, channel.calls);
        assertEquals(1, output.writeCalls());
        assertArrayEquals(expected.toByteArray(), channel.taken.toByteArray());
        assertTrue(output.isEmpty());
        assertFalse(output.blocked());
    }

    @Test
    void flush_moreThanTheIoBuffer_oneWritePerBufferful() throws Exception {
        byte[] b = bytes(150 * 1024, 7);
        output.append(b, 0, b.length);

        assertTrue(output.flush(io));

        assertEquals(3, channel.calls); // 64 KiB + 64 KiB + 22 KiB
        assertArrayEquals(b, channel.taken.toByteArray());
    }

    @Test
    void flush_socketRefusesPart_keepsTheRestAndIsBlockedUntilAFlushEmptiesIt() throws Exception {
        byte[] b = bytes(1000, 3);
        output.append(b, 0, b.length);
        channel.budget = 400;

        assertFalse(output.flush(io));
        assertTrue(output.blocked());
        assertEquals(600, output.size());

        channel.budget = Integer.MAX_VALUE;
        assertTrue(output.flush(io));
        assertFalse(output.blocked());
        assertArrayEquals(b, channel.taken.toByteArray());
    }

    @Test
    void clear_dropsQueuedBytesAndTheBlockedState() throws Exception {
        output.append(bytes(1000, 0), 0, 1000);
        channel.budget = 0;
        output.flush(io);

        output.clear();

        assertTrue(output.isEmpty());
        assertFalse(output.blocked());
    }

    @Test
    void waterMarks_countQueuedBytes() {
        output.setLimits(100, 10);
        output.append(bytes(101, 0), 0, 101);

        assertTrue(output.aboveHighWater());
        assertFalse(output.atOrBelowLowWater());
    }
}
