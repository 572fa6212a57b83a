package dev.weft.bench.echo;

import dev.weft.net.BufferedProtocol;
import dev.weft.net.Transport;
import java.nio.ByteBuffer;

/**
 * The {@code BufferedProtocol} echo: receives into one heap buffer per connection and writes
 * the received range of its array back, so a request needs no new array on this side; what the
 * transport allocates per request is what the suite's B/request column shows. One instance per
 * connection, on its loop thread.
 */
final class BufferedEchoProtocol implements BufferedProtocol {
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private Transport transport;

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
    }

    @Override
    public ByteBuffer getBuffer(int sizeHint) {
        buffer.clear();
        return buffer;
    }

    @Override
    public void bufferUpdated(int nbytes) {
        transport.write(buffer.array(), 0, nbytes);
    }
}
