package dev.weft.net;

import java.nio.ByteBuffer;

/**
 * A growable FIFO of bytes in one array: a transport's pending output and a stream reader's
 * pending input.
 *
 * <p>Bytes live in {@code array[head, tail)}. Appending compacts the live bytes to the front
 * before it grows the array, and growth doubles, so appends are amortised O(1) and a queue that
 * is drained as fast as it fills keeps its array: steady traffic allocates nothing. When the
 * queue empties and its array has grown past {@link #RETAINED_CAPACITY}, the array is dropped, so
 * an idle connection does not keep a burst's memory.
 *
 * <p>Not thread-safe: confined to the loop thread of its transport. Null arguments are rejected
 * with {@link NullPointerException}.
 */
final class ByteQueue {
    /** The largest array an empty queue keeps for its next use. */
    static final int RETAINED_CAPACITY = 64 * 1024;
    private static final int MIN_CAPACITY = 512;
    private static final byte[] NONE = new byte[0];

    private byte[] array = NONE;
    private int head;
    private int tail;
    /** A view of {@link #array} for channel-style access; recreated only when the array changes. */
    private ByteBuffer view;

    /** The number of queued bytes. */
    int size() {
        return tail - head;
    }

    boolean isEmpty() {
        return tail == head;
    }

    /** The queued byte at {@code index} (0 is the oldest). */
    byte get(int index) {
        return array[head + index];
    }

    /** Appends {@code len} bytes of {@code src} from {@code off}. */
    void append(byte[] src, int off, int len) {
        reserve(len);
        System.arraycopy(src, off, array, tail, len);
        tail += len;
    }

    /** Appends every remaining byte of {@code src}, advancing its position. */
    void append(ByteBuffer src) {
        int len = src.remaining();
        reserve(len);
        src.get(array, tail, len);
        tail += len;
    }

    /**
     * A buffer over at least {@code min} bytes of free space at the tail, positioned there, for
     * a producer that fills it and then calls {@link #commit}. Valid until the next mutation.
     */
    ByteBuffer writableView(int min) {
        reserve(Math.max(min, 1));
        ByteBuffer v = view;
        if (v == null || v.array() != array) {
            v = ByteBuffer.wrap(array);
            view = v;
        }
        v.limit(array.length).position(tail);
        return v;
    }

    /** Adds {@code n} bytes that a producer wrote into the {@link #writableView}. */
    void commit(int n) {
        if (n < 0 || n > array.length - tail) {
            throw new IllegalArgumentException("committed " + n + " bytes but only "
                    + (array.length - tail) + " were free");
        }
        tail += n;
    }

    /** Copies up to {@code dst.remaining()} of the oldest bytes into {@code dst}; keeps them. */
    int peekInto(ByteBuffer dst) {
        int n = Math.min(dst.remaining(), size());
        dst.put(array, head, n);
        return n;
    }

    /** Removes and returns the {@code n} oldest bytes ({@code 0 <= n <= size()}). */
    byte[] take(int n) {
        byte[] out = new byte[n];
        System.arraycopy(array, head, out, 0, n);
        drop(n);
        return out;
    }

    /** Discards the {@code n} oldest bytes ({@code 0 <= n <= size()}). */
    void drop(int n) {
        head += n;
        if (head == tail) {
            clear();
        }
    }

    /** Discards everything; releases a large array. */
    void clear() {
        head = 0;
        tail = 0;
        if (array.length > RETAINED_CAPACITY) {
            array = NONE;
            view = null;
        }
    }

    /**
     * The index of the first occurrence of {@code sep} starting at or after {@code from}, or -1.
     * Works across any earlier appends: the queue is one contiguous array.
     */
    int indexOf(byte[] sep, int from) {
        int last = tail - sep.length;
        byte first = sep[0];
        for (int i = head + Math.max(from, 0); i <= last; i++) {
            if (array[i] == first && matchesAt(sep, i)) {
                return i - head;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] sep, int at) {
        for (int j = 1; j < sep.length; j++) {
            if (array[at + j] != sep[j]) {
                return false;
            }
        }
        return true;
    }

    /** Makes room for {@code len} more bytes at the tail: compacts first, grows if needed. */
    private void reserve(int len) {
        if (array.length - tail >= len) {
            return;
        }
        int size = size();
        if (array.length - size >= len && array.length > 0) {
            System.arraycopy(array, head, array, 0, size);
        } else {
            long wanted = Math.max((long) size + len, Math.max(2L * array.length, MIN_CAPACITY));
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("a byte queue cannot hold " + wanted + " bytes");
            }
            byte[] bigger = new byte[(int) wanted];
            System.arraycopy(array, head, bigger, 0, size);
            array = bigger;
        }
        head = 0;
        tail = size;
    }
}
