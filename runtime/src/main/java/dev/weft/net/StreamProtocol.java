package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.internal.CancelHookFuture;
import dev.weft.internal.LoopAccess;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The protocol between a socket transport and a {@link StreamReader}/{@link StreamWriter} pair:
 * asyncio's {@code StreamReaderProtocol} with its {@code FlowControlMixin}.
 *
 * <p>Received bytes go straight into the reader's buffer; EOF and errors are forwarded to it.
 * Write flow control: between {@code pauseWriting} and {@code resumeWriting} every
 * {@link StreamWriter#drain()} gets a future of its own, queued here, so any number of
 * coroutines may drain at once and cancelling one of them leaves the others waiting (asyncio
 * shared one future until 3.10 and failed a second drainer). On a server, {@code connectionMade}
 * starts the client handler as a task, and the connection ends with that task (the rule is
 * stated on {@link StreamHandler}): closed when the handler returns, aborted when it fails or is
 * cancelled, left alone when it was closed already or {@linkplain #handOff() handed off}.
 *
 * <p>Threading: loop thread only.
 */
final class StreamProtocol implements BufferedProtocol {
    private final EventLoop loop;
    private final StreamReader reader;
    private final StreamHandler handler;
    private final ArrayDeque<Future<Void>> drainWaiters = new ArrayDeque<>(2);
    /** Completed once at construction: what drain() returns when there is nothing to wait for. */
    private final Future<Void> noWait;
    private final Future<Void> closed;
    private Transport transport;
    private StreamWriter writer;
    private boolean writingPaused;
    private boolean connectionLost;
    /** The handler gave the connection to other code: its end does not close it. */
    private boolean handedOff;
    /** A startTls is draining or handshaking. */
    private boolean upgrading;

    /**
     * @param handler the client handler of a server connection, or null for a client
     */
    StreamProtocol(EventLoop loop, StreamReader reader, StreamHandler handler) {
        this.loop = loop;
        this.reader = reader;
        this.handler = handler;
        this.noWait = loop.createFuture();
        this.noWait.setResult(null);
        this.closed = loop.createFuture();
    }

    StreamWriter writer() {
        return writer;
    }

    StreamReader reader() {
        return reader;
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        reader.setTransport(t);
        writer = new StreamWriter(t, this, reader);
        if (handler != null) {
            Task<Void> task = loop.createTask(handler.handle(reader, writer));
            task.addDoneCallback(this::handlerDone);
        }
    }

    /**
     * The handler task ended: report its failure, then end the connection with it. A returned
     * handler's connection is closed gracefully (what it wrote is flushed first); a failed or
     * cancelled one's is aborted, because its output is incomplete anyway and a graceful close
     * would keep the unsent buffer, and the socket, for as long as a peer that stopped reading
     * stays connected — the slow client a timeout around the handler was meant to get rid of.
     */
    private void handlerDone(Future<Void> task) {
        boolean failed = task.cancelled() || task.exception() != null;
        if (!task.cancelled() && task.exception() != null) {
            LoopAccess.get().reportException(loop, "Unhandled exception in client handler of "
                    + transport, task.exception());
        }
        if (handedOff || transport.isClosing()) {
            return;
        }
        if (transport instanceof SocketTransport) {
            ((SocketTransport) transport).endWithHandler(failed);
        } else if (failed) {
            transport.abort();
        } else {
            transport.close();
        }
    }

    /**
     * See {@link StreamWriter#startTls}: drain, then upgrade as the side this end is. When
     * there is nothing to drain the upgrade starts in this very call, as asyncio's does, so a
     * peer's hello that arrives right after our last plaintext write is not read as plaintext.
     */
    Future<Void> startTls(TlsOptions tls) {
        boolean serverSide = handler != null;
        TlsUpgrade.check(loop, transport, tls, serverSide);
        if (upgrading) {
            throw new IllegalStateException("startTls() is already in progress on " + writer
                    + ": await the first one");
        }
        upgrading = true;
        Future<?>[] step = new Future<?>[1];
        Future<Void> result = new CancelHookFuture<>(loop, () -> {
            step[0].cancel();
            transport.abort(); // asyncio closes the transport when start_tls is cancelled
        });
        Future<Void> drained = drain();
        step[0] = drained;
        if (drained.done()) {
            upgradeAfterDrain(drained, tls, serverSide, result, step);
        } else {
            drained.addDoneCallback(d -> upgradeAfterDrain(d, tls, serverSide, result, step));
        }
        return result;
    }

    private void upgradeAfterDrain(Future<Void> drained, TlsOptions tls, boolean serverSide,
            Future<Void> result, Future<?>[] step) {
        if (result.done()) {
            return; // cancelled while draining: the connection is aborted
        }
        Future<TlsTransport> up;
        try {
            if (drained.exception() != null) {
                throw drained.exception();
            }
            up = TlsUpgrade.start(loop, transport, this, tls, serverSide, this::replaceTransport);
        } catch (Throwable e) { // drain's error, or the connection changed while draining
            upgrading = false;
            result.setException(e);
            return;
        }
        step[0] = up;
        up.addDoneCallback(u -> {
            upgrading = false;
            if (result.done()) {
                return;
            }
            if (u.exception() != null) {
                result.setException(u.exception());
            } else {
                result.setResult(null);
            }
        });
    }

    /** The handshake of a startTls is done: the streams use the TLS transport from now on. */
    private void replaceTransport(TlsTransport t) {
        transport = t;
        writer.replaceTransport(t);
        reader.replaceTransport(t);
    }

    /** See {@link StreamWriter#handOff()}. */
    void handOff() {
        handedOff = true;
    }

    @Override
    public ByteBuffer getBuffer(int sizeHint) {
        return reader.bufferForFeed(sizeHint);
    }

    @Override
    public void bufferUpdated(int nbytes) {
        reader.commitFeed(nbytes);
    }

    @Override
    public boolean eofReceived() {
        reader.feedEof();
        return true; // keep the connection half-open: the writer may still answer
    }

    @Override
    public void connectionLost(Exception exc) {
        connectionLost = true;
        if (exc == null) {
            reader.feedEof();
        } else {
            reader.setException(exc);
        }
        for (Future<Void> w = drainWaiters.poll(); w != null; w = drainWaiters.poll()) {
            if (!w.done()) {
                if (exc == null) {
                    w.setResult(null);
                } else {
                    w.setException(exc);
                }
            }
        }
        if (exc == null) {
            closed.setResult(null);
        } else {
            closed.setException(exc);
        }
    }

    @Override
    public void pauseWriting() {
        writingPaused = true;
    }

    @Override
    public void resumeWriting() {
        writingPaused = false;
        for (Future<Void> w = drainWaiters.poll(); w != null; w = drainWaiters.poll()) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
    }

    /** What {@link StreamWriter#drain()} returns; see there. */
    Future<Void> drain() {
        Throwable failure = drainFailure();
        if (failure != null) {
            Future<Void> f = loop.createFuture();
            f.setException(failure);
            return f;
        }
        if (transport != null && transport.isClosing()) {
            // Closing, but connectionLost has not run: a write may just have failed on the
            // socket (connectionLost is then already scheduled), or a close is flushing. Decide
            // on the next iteration, as asyncio's drain does with sleep(0), so that the drain
            // after a write that broke the connection reports that error.
            Future<Void> f = loop.createFuture();
            loop.callSoon(() -> settleDrain(f));
            return f;
        }
        if (!writingPaused) {
            return noWait;
        }
        Future<Void> f = loop.createFuture();
        drainWaiters.add(f);
        return f;
    }

    /** Why a drain must fail now (the connection's error, or its loss), or null. */
    private Throwable drainFailure() {
        Throwable error = reader.exception();
        if (error != null) {
            return error;
        }
        if (connectionLost) {
            return new SocketException("Connection lost: the connection was closed before "
                    + "drain(); stop writing to it");
        }
        return null;
    }

    /** Completes a drain that was deferred by one iteration, or queues it while paused. */
    private void settleDrain(Future<Void> f) {
        if (f.done()) {
            return; // cancelled meanwhile
        }
        Throwable failure = drainFailure();
        if (failure != null) {
            f.setException(failure);
        } else if (writingPaused) {
            drainWaiters.add(f);
        } else {
            f.setResult(null);
        }
    }

    /** The future of {@link StreamWriter#waitClosed()}: done when the connection is lost. */
    Future<Void> closedFuture() {
        return closed;
    }
}
