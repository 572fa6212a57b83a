package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.internal.LoopAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link Transport} over a non-blocking {@link SocketChannel}, TCP or Unix domain: asyncio's
 * {@code _SelectorSocketTransport}.
 *
 * <p>Closing: {@link #close()} stops reading and lets the queue drain; {@link #abort()} and
 * fatal errors drop the queue. Either way {@link #lost} is set once and the protocol's
 * {@code connectionLost} is scheduled once, from a fresh loop callback, after the channel is
 * closed — so exactly one {@code connectionLost} reaches the protocol and the descriptor is
 * released even if the protocol throws.
 *
 * <p>Threading: loop thread only (checked on the public methods).
 */
final class SocketTransport implements Transport, Consumer<SelectionKey>, TlsUpgrade.Upgradable {
    /*
     * Implementation overview. The transport is its selection key's handler. Reading: on each
     * read readiness it reads once (so one busy connection cannot starve the others) into the
     * loop's reusable direct buffer, then hands the bytes to the protocol — copied into the
     * protocol's own buffer for a BufferedProtocol, or into one new array for dataReceived; that
     * array is the only allocation per read. Writing is batched per loop iteration: a write only
     * copies into SocketOutput's queue, and the first write of an iteration schedules one flush
     * at the iteration's end (LoopAccess.flushAtEndOfIteration), so a connection written to N
     * times in an iteration costs one system call, and a server that writes to a thousand
     * connections costs a thousand copies and then a thousand system calls, not one per message.
     * Two things flush sooner: a write that takes the queue past the high-water mark flushes at
     * once, so the protocol is paused only when the socket really refuses (as before batching),
     * and write readiness flushes a queue the socket refused. While refused the output is
     * blocked: writes queue, no end-of-iteration flush is tried, and the key waits for OP_WRITE.
     * The key's interest set is recomputed from the state after every change and written only
     * when it differs.
     */

    static final int DEFAULT_HIGH_WATER = 64 * 1024;
    static final int DEFAULT_LOW_WATER = DEFAULT_HIGH_WATER / 4;

    private final EventLoop loop;
    private final LoopAccess bridge = LoopAccess.get();
    private final SocketChannel channel;
    /** Not final: startTls hands the connection to a TLS layer ({@link #replaceProtocol}). */
    private Protocol protocol;
    private BufferedProtocol buffered;
    private final Server server;
    private final SocketOutput output;
    private final SocketAddress localAddress;
    private final SocketAddress remoteAddress;
    private final SelectionKey key;
    private int interest;
    /** Created once, so scheduling the end-of-iteration flush allocates nothing. */
    private final Runnable batchFlush = this::flushBatched;
    /** {@link #batchFlush} is scheduled for the end of this iteration. */
    private boolean flushScheduled;

    /*
     * State table of the booleans below ("-" false, "x" true, "." either). The life cycle is
     * started / closing / lost, which only ever go from false to true:
     *
     *   started closing lost   meaning
     *      -       -      -    accepted or connected; connectionMade not run yet (next iteration)
     *      x       -      -    open: reads when not paused, writes, may send EOF
     *      .       x      -    closing gracefully: no more reads; the queued bytes still drain,
     *                          then connectionLost is scheduled (close(), EOF answered false, a
     *                          stream handler that returned)
     *      .       x      x    over: connectionLost scheduled or run, channel closed there, no
     *                          interest in any event; an abort() or an I/O error goes straight
     *                          here, dropping the queue (lost always comes with closing)
     *      -       x      x    ended before connectionMade ran: neither callback reaches the
     *                          protocol
     *
     * Reading and EOF, meaningful while open:
     *   readingPaused          the protocol called pauseReading(); cleared by resumeReading()
     *   eofReceived            the peer sent FIN; the protocol's eofReceived() has been called
     *   eofPending  eofSent    writeEof(): pending while bytes are queued, sent (shutdownOutput)
     *      -           -       writes allowed
     *      x           -       writeEof() called, queue not yet drained: writes refused
     *      -           x       FIN sent: writes refused
     *   writingPaused          the queue passed the high-water mark and pauseWriting() was called;
     *                          cleared (resumeWriting()) at or below the low-water mark
     *
     * Who closed it, for the message of a write after the close:
     *   closedByUser closedWithHandler
     *      -            -      not closed by anyone (or only by the peer or an error)
     *      x            -      close() or abort() by the application
     *      x            x      the stream handler's task ended (StreamProtocol)
     *
     * OP_READ is wanted exactly when started and not closing, readingPaused or eofReceived;
     * OP_WRITE exactly when bytes are queued; neither once lost (updateInterest()).
     */
    private boolean started;
    private boolean readingPaused;
    private boolean writingPaused;
    private boolean eofReceived;
    private boolean eofPending;
    private boolean eofSent;
    /** close() or abort() was called by the user: later writes are bugs. */
    private boolean closedByUser;
    /** Closed because its stream handler task ended: said in the error of a later write. */
    private boolean closedWithHandler;
    private boolean closing;
    /** connectionLost is scheduled (or ran): the connection is over. */
    private boolean lost;

    /**
     * Wraps a connected non-blocking {@code channel}; the protocol's {@code connectionMade} runs
     * on the next loop iteration, then reading starts.
     *
     * @param server the server that accepted the channel, or null for a client connection
     * @param waiter completed with this transport after {@code connectionMade}; may be null
     */
    SocketTransport(EventLoop loop, SocketChannel channel, Protocol protocol, Server server,
            Future<Transport> waiter) {
        this.loop = loop;
        this.channel = channel;
        this.protocol = Objects.requireNonNull(protocol, "the protocol factory returned null");
        this.buffered = protocol instanceof BufferedProtocol ? (BufferedProtocol) protocol : null;
        this.server = server;
        this.output = new SocketOutput(channel);
        this.localAddress = address(channel, true);
        this.remoteAddress = address(channel, false);
        try {
            this.key = bridge.register(loop, channel, 0, this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register the socket with the event loop", e);
        }
        loop.callSoon(() -> start(waiter));
    }

    private static SocketAddress address(SocketChannel channel, boolean local) {
        try {
            return local ? channel.getLocalAddress() : channel.getRemoteAddress();
        } catch (IOException e) {
            return null; // already closed by the peer: the first read reports it
        }
    }

    private void start(Future<Transport> waiter) {
        if (lost) {
            return;
        }
        started = true;
        try {
            protocol.connectionMade(this);
        } catch (RuntimeException | Error e) {
            protocolFailed("connectionMade", e);
        }
        updateInterest();
        if (waiter != null && !waiter.done()) {
            waiter.setResult(this);
        } else if (waiter != null) {
            forceClose(null); // whoever waited for the connection gave up (cancelled)
        }
    }

    // ---- selector events ------------------------------------------------------------------

    @Override
    public void accept(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && (interest & SelectionKey.OP_READ) != 0) {
            readOnce();
        }
    }

    private void readOnce() {
        ByteBuffer buf = bridge.ioBuffer(loop);
        buf.clear();
        int n;
        try {
            n = channel.read(buf);
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        if (n > 0) {
            buf.flip();
            deliver(buf);
        } else if (n < 0) {
            onEof();
        }
    }

    private void deliver(ByteBuffer buf) {
        try {
            if (buffered == null) {
                byte[] data = new byte[buf.remaining()];
                buf.get(data);
                protocol.dataReceived(data);
                return;
            }
            // Positions are kept here, not in buf: bufferUpdated may write to a socket (a TLS
            // layer's handshake record), and writes go through this same loop buffer.
            int pos = buf.position();
            int end = buf.limit();
            while (pos < end) {
                ByteBuffer dst = buffered.getBuffer(end - pos);
                int n = Math.min(dst.remaining(), end - pos);
                if (n <= 0) {
                    throw new IllegalStateException("BufferedProtocol.getBuffer returned a "
                            + "buffer with no space remaining");
                }
                buf.limit(pos + n).position(pos);
                dst.put(buf);
                pos += n;
                buffered.bufferUpdated(n);
            }
        } catch (RuntimeException | Error e) {
            protocolFailed(buffered == null ? "dataReceived" : "bufferUpdated", e);
        }
    }

    private void onEof() {
        eofReceived = true;
        updateInterest();
        boolean keepOpen;
        try {
            keepOpen = protocol.eofReceived();
        } catch (RuntimeException | Error e) {
            protocolFailed("eofReceived", e);
            return;
        }
        if (!keepOpen) {
            closeGracefully();
        }
    }

    /** The end-of-iteration flush of the writes batched in this iteration. */
    private void flushBatched() {
        flushScheduled = false;
        if (!lost && !output.blocked() && !output.isEmpty()) {
            flush();
        }
    }

    /** Writes queued bytes until the socket takes no more; then finishes a close or an EOF. */
    private void flush() {
        try {
            output.flush(bridge.ioBuffer(loop));
        } catch (IOException e) {
            forceClose(e);
            return;
        }
        if (writingPaused && output.atOrBelowLowWater()) {
            writingPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException | Error e) {
                protocolFailed("resumeWriting", e);
                return;
            }
        }
        afterFlush();
    }

    private void afterFlush() {
        if (output.isEmpty() && !lost) {
            if (closing) {
                scheduleConnectionLost(null);
                return;
            }
            if (eofPending) {
                shutdownOutput();
            }
        }
        updateInterest();
    }

    // ---- writing --------------------------------------------------------------------------

    @Override
    public void write(byte[] data) {
        write(data, 0, data.length);
    }

    @Override
    public void write(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        bridge.checkThread(loop);
        if (closedByUser) {
            throw new IllegalStateException(closedWithHandler
                    ? "cannot write to a connection whose client handler has ended: the server "
                            + "closed it with the handler's task; to keep a connection open after "
                            + "its handler returns, call StreamWriter.handOff() in the handler: "
                            + this
                    : "cannot write to a transport after close() or abort(): " + this);
        }
        if (eofPending || eofSent) {
            throw new IllegalStateException("cannot write after writeEof(): " + this);
        }
        if (lost || len == 0) {
            return; // the protocol learns of the loss from connectionLost
        }
        output.append(data, off, len);
        if (output.blocked()) {
            maybePauseProtocol(); // write readiness flushes it
        } else if (output.aboveHighWater()) {
            flush(); // pause only if the socket refuses, as an unbatched write would
            maybePauseProtocol();
        } else if (!flushScheduled) {
            flushScheduled = true;
            bridge.flushAtEndOfIteration(loop, batchFlush);
        }
    }

    private void maybePauseProtocol() {
        if (!writingPaused && output.aboveHighWater()) {
            writingPaused = true;
            try {
                protocol.pauseWriting();
            } catch (RuntimeException | Error e) {
                protocolFailed("pauseWriting", e);
            }
        }
    }

    @Override
    public void writeEof() {
        bridge.checkThread(loop);
        if (closing || eofPending || eofSent) {
            return;
        }
        eofPending = true;
        if (output.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        eofPending = false;
        eofSent = true;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            forceClose(e);
        }
    }

    @Override
    public boolean canWriteEof() {
        return true;
    }

    // ---- closing --------------------------------------------------------------------------

    @Override
    public void close() {
        bridge.checkThread(loop);
        closedByUser = true;
        closeGracefully();
    }

    /** Stops reading and closes once the queue is flushed; also used after EOF and by servers. */
    void closeGracefully() {
        if (closing) {
            return;
        }
        closing = true;
        if (output.isEmpty()) {
            scheduleConnectionLost(null);
        }
        updateInterest();
    }

    /**
     * Ends a server connection because its stream handler's task ended: a graceful close after
     * a return, an abort after a failure or a cancellation ({@link StreamProtocol}).
     */
    void endWithHandler(boolean abort) {
        closedByUser = true;
        closedWithHandler = true;
        if (abort) {
            forceClose(null);
        } else {
            closeGracefully();
        }
    }

    @Override
    public void abort() {
        bridge.checkThread(loop);
        closedByUser = true;
        forceClose(null);
    }

    /** Drops the queue and ends the connection now; {@code exc} goes to connectionLost. */
    void forceClose(Exception exc) {
        if (lost) {
            return;
        }
        output.clear();
        closing = true;
        scheduleConnectionLost(exc);
    }

    private void scheduleConnectionLost(Exception exc) {
        lost = true;
        closing = true;
        updateInterest();
        loop.callSoon(() -> connectionLost(exc));
    }

    private void connectionLost(Exception exc) {
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            bridge.reportException(loop, "Error closing the socket of " + this, e);
        }
        if (server != null) {
            server.detach(this);
        }
        if (!started) {
            return; // connectionMade never ran, so neither does connectionLost
        }
        try {
            protocol.connectionLost(exc);
        } catch (RuntimeException | Error e) {
            bridge.reportException(loop, "Exception in " + protocol + ".connectionLost()", e);
        }
    }

    private void protocolFailed(String callback, Throwable t) {
        bridge.reportException(loop, "Fatal error: protocol." + callback + "() call failed on "
                + this, t);
        forceClose(t instanceof Exception ? (Exception) t : null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    // ---- flow control and state ------------------------------------------------------------

    @Override
    public void pauseReading() {
        bridge.checkThread(loop);
        if (!closing && !readingPaused) {
            readingPaused = true;
            updateInterest();
        }
    }

    @Override
    public void resumeReading() {
        bridge.checkThread(loop);
        if (!closing && readingPaused) {
            readingPaused = false;
            updateInterest();
        }
    }

    @Override
    public boolean isReading() {
        return !closing && !readingPaused;
    }

    /** Writes the key's interest set when the state calls for a different one. */
    private void updateInterest() {
        int ops = 0;
        if (!lost) {
            if (started && !closing && !readingPaused && !eofReceived) {
                ops |= SelectionKey.OP_READ;
            }
            if (output.blocked()) {
                ops |= SelectionKey.OP_WRITE; // unblocked bytes wait for the iteration's flush
            }
        }
        if (ops != interest && key.isValid()) {
            key.interestOps(ops);
            interest = ops;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Unlike asyncio's, this includes the bytes written in the current loop iteration that the
     * end-of-iteration flush has not offered the socket yet.
     */
    @Override
    public int getWriteBufferSize() {
        return output.size();
    }

    /** The {@code write} system calls this transport made: the test seam for batching. */
    long writeCalls() {
        return output.writeCalls();
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        bridge.checkThread(loop);
        output.setLimits(high, low);
        maybePauseProtocol();
    }

    @Override
    public int getWriteBufferHighWater() {
        return output.highWater();
    }

    @Override
    public int getWriteBufferLowWater() {
        return output.lowWater();
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) {
        bridge.checkThread(loop);
        try {
            channel.setOption(option, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set " + option + " on " + this, e);
        }
    }

    @Override
    public <T> T getOption(SocketOption<T> option) {
        bridge.checkThread(loop);
        try {
            return channel.getOption(option);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + option + " of " + this, e);
        }
    }

    @Override
    public Protocol getProtocol() {
        return protocol;
    }

    /**
     * From now on delivers to {@code next} (asyncio's {@code set_protocol}, for startTls); the
     * bytes left of a read being delivered go to it too. Its {@code connectionMade} is not called.
     */
    @Override
    public void replaceProtocol(Protocol next) {
        bridge.checkThread(loop);
        protocol = Objects.requireNonNull(next, "next");
        buffered = next instanceof BufferedProtocol ? (BufferedProtocol) next : null;
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public SocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public String toString() {
        String state = lost ? "closed" : closing ? "closing" : "open";
        return "<SocketTransport " + state + " local=" + localAddress + " remote=" + remoteAddress
                + " buffered=" + output.size() + ">";
    }
}
