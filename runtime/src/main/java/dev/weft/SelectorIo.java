package dev.weft;

import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The loop's I/O poller: owns one {@link Selector}, polls it, and wakes it from other threads.
 * It is to the loop what Netty's {@code IoHandler} is to its event loop: the loop decides how
 * long it may block, this class blocks.
 *
 * <p>Polling uses {@link Selector#select(Consumer, long)}, which hands each ready key to a
 * consumer instead of filling the selected-key set, so a poll allocates nothing. A key's
 * attachment is its {@code Consumer<SelectionKey>} handler (see {@link #register}); an exception
 * escaping a handler is reported through the loop and does not stop the dispatch.
 *
 * <p>Wake-ups are coalesced: {@link #wakeup()} calls {@link Selector#wakeup()} only when it flips
 * the {@link #wakeupPending} flag from false to true, and the loop clears the flag after each
 * poll, so however many threads post callbacks, a loop iteration costs at most one wake-up
 * system call. The flag is cleared before the loop drains its thread-safe inbox, which is what
 * guarantees no posted callback is missed: a poster that saw the flag still set posted before the
 * loop cleared it, so the drain that follows sees its callback.
 *
 * <p>It also owns the loop's one reusable direct buffer for socket I/O ({@link #ioBuffer()}):
 * every transport of the loop reads into it and copies out only the bytes it hands to its
 * protocol, so reading allocates nothing else. One buffer per loop suffices because the loop runs
 * one callback at a time and no transport keeps data in it across callbacks.
 *
 * <p>Threading: {@link #wakeup()} is safe on any thread; everything else is confined to the
 * loop's thread.
 */
final class SelectorIo {
    /** The size of {@link #ioBuffer()}: 64 KiB, as a socket read in asyncio ({@code max_size}). */
    static final int IO_BUFFER_SIZE = 64 * 1024;

    static {
        LoopAccess.install(new LoopInternals());
    }

    private final EventLoop loop;
    private final Selector selector;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** Created once: a method reference per poll would be garbage per iteration. */
    private final Consumer<SelectionKey> dispatcher = this::dispatch;
    /** Allocated on first use: a loop that never does socket I/O does not pay 64 KiB. */
    private ByteBuffer ioBuffer;
    /** The transports written to in this iteration, flushed once at its end. */
    private final WriteFlushes flushes;

    private SelectorIo(EventLoop loop, Selector selector) {
        this.loop = loop;
        this.selector = selector;
        this.flushes = new WriteFlushes(loop);
    }

    /** Opens a new selector for {@code loop}, which reports the handlers' exceptions. */
    static SelectorIo open(EventLoop loop) {
        try {
            return new SelectorIo(loop, Selector.open());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the event loop", e);
        }
    }

    /**
     * Polls for ready channels and calls each ready key's handler.
     *
     * @param timeoutMillis 0 to poll without blocking, a negative value to block until a channel
     *     is ready or {@link #wakeup()} is called, otherwise the longest time to block
     * @return the number of keys whose handler was called
     */
    int select(long timeoutMillis) {
        try {
            int n;
            if (timeoutMillis == 0) {
                n = selector.selectNow(dispatcher);
            } else if (timeoutMillis < 0) {
                n = selector.select(dispatcher);
            } else {
                n = selector.select(dispatcher, timeoutMillis);
            }
            if (wakeupPending.get()) {
                wakeupPending.set(false);
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private void dispatch(SelectionKey key) {
        Object handler = key.attachment();
        BlockingWatch w = loop.blockingWatch(); // an I/O handler can block the loop as well
        if (w != null) {
            w.begin(handler);
        }
        try {
            ((Consumer<SelectionKey>) handler).accept(key);
        } catch (Throwable t) {
            loop.reportException("Exception in I/O handler " + handler, t, handler);
        }
        if (w != null) {
            w.end();
        }
    }

    /** Makes a blocked (or the next) {@link #select} return at once; any thread. */
    void wakeup() {
        if (!wakeupPending.get() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Whether any channel is registered; when none is, a non-blocking poll can be skipped, which
     * spares a system call per loop iteration.
     */
    boolean hasRegistrations() {
        return !selector.keys().isEmpty();
    }

    /**
     * Registers {@code channel} (already in non-blocking mode) for {@code ops}; {@code handler}
     * becomes the key's attachment and is called on the loop thread whenever the key is ready.
     */
    SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> handler)
            throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * The loop's reusable direct buffer of {@link #IO_BUFFER_SIZE} bytes; its content is valid
     * only within the current callback, and every user clears it first.
     */
    ByteBuffer ioBuffer() {
        ByteBuffer b = ioBuffer;
        if (b == null) {
            b = ByteBuffer.allocateDirect(IO_BUFFER_SIZE);
            ioBuffer = b;
        }
        return b;
    }

    /**
     * Runs {@code flush} once at the end of this iteration, after the ready batch and before the
     * next poll: a transport's batched writes ({@link WriteFlushes}).
     */
    void scheduleFlush(Runnable flush) {
        flushes.add(flush);
    }

    /** Runs the flushes scheduled in this iteration; the last step of {@code runOnce}. */
    void flushWrites() {
        if (!flushes.isEmpty()) {
            flushes.runAll();
        }
    }

    private static void closeQuietly(SelectableChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the loop is closing: nothing is left to report a failed close to
        }
    }

    /**
     * Closes every channel still registered, then the selector. A closed loop can never serve
     * those channels again (a transport whose {@code connectionLost} was still queued, say), so
     * leaving them open would only leak their file descriptors.
     */
    void close() {
        try {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                closeQuietly(key.channel());
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the event loop's selector", e);
        }
    }
}
