package dev.weft.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteQueueTest {
    private final ByteQueue q = new ByteQueue();

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void take_afterAppends_returnsBytesInFifoOrder() {
        q.append(b("abc"), 0, 3);
        q.append(b("xdefx"), 1, 3);

        assertArrayEquals(b("abcd"), q.take(4));
        assertArrayEquals(b("ef"), q.take(2));
        assertTrue(q.isEmpty());
    }

    @Test
    void indexOf_separatorAcrossAppends_isFound() {
        q.append(b("hello\r"), 0, 6);
        q.append(b("\nworld"), 0, 6);

        assertEquals(5, q.indexOf(b("\r\n"), 0));
        assertEquals(-1, q.indexOf(b("\r\n"), 6));
    }

    @Test
    void append_manyInterleavedWithTakes_compactsAndKeepsContent() {
        StringBuilder expected = new StringBuilder();
        StringBuilder got = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String s = Integer.toString(i);
            q.append(b(s), 0, s.length());
            expected.append(s);
            if (i % 3 == 0) {
                got.append(new String(q.take(q.size() / 2), StandardCharsets.US_ASCII));
            }
        }
        got.append(new String(q.take(q.size()), StandardCharsets.US_ASCII));

        assertEquals(expected.toString(), got.toString());
    }

    @Test
    void writableView_commit_addsWrittenBytes() {
        q.append(b("ab"), 0, 2);
        ByteBuffer v = q.writableView(3);
        v.put(b("cde"));
        q.commit(3);

        assertArrayEquals(b("abcde"), q.take(5));
    }

    @Test
    void peekInto_copiesWithoutConsuming() {
        q.append(b("abcdef"), 0, 6);
        ByteBuffer dst = ByteBuffer.allocate(4);

        assertEquals(4, q.peekInto(dst));
        assertEquals(6, q.size());
        q.drop(4);
        assertArrayEquals(b("ef"), q.take(2));
    }
}
