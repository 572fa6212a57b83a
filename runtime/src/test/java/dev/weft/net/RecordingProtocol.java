package dev.weft.net;

import dev.weft.EventLoop;
import dev.weft.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A test protocol that records every callback as a string ({@code made}, {@code data},
 * {@code eof}, {@code lost}, {@code lost:ExceptionClass}, {@code pause}, {@code resume}) and the
 * bytes received, and completes {@link #lost} when the connection ends. Loop thread only.
 */
class RecordingProtocol implements Protocol {
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final Future<Exception> lost;
    Transport transport;
    boolean keepOpenOnEof;

    RecordingProtocol(EventLoop loop) {
        lost = loop.createFuture();
    }

    @Override
    public void connectionMade(Transport t) {
        transport = t;
        events.add("made");
    }

    @Override
    public void dataReceived(byte[] data) {
        if (events.isEmpty() || !events.get(events.size() - 1).equals("data")) {
            events.add("data");
        }
        received.writeBytes(data);
    }

    @Override
    public boolean eofReceived() {
        events.add("eof");
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Exception exc) {
        events.add(exc == null ? "lost" : "lost:" + exc.getClass().getSimpleName());
        lost.setResult(exc);
    }

    @Override
    public void pauseWriting() {
        events.add("pause");
    }

    @Override
    public void resumeWriting() {
        events.add("resume");
    }
}
