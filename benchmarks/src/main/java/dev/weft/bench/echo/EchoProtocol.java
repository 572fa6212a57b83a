package dev.weft.bench.echo;

import dev.weft.net.Protocol;
import dev.weft.net.Transport;

/**
 * The {@code Protocol} echo: writes every received array straight back (asyncio's
 * {@code EchoServerProtocol}). One instance per connection, on its loop thread.
 */
final class EchoProtocol implements Protocol {
    private Transport transport;

    @Override
    public void connectionMade(Transport transport) {
        this.transport = transport;
    }

    @Override
    public void dataReceived(byte[] data) {
        transport.write(data);
    }
}
