package dev.weft.process;

import dev.weft.net.Transport;
import java.net.SocketAddress;
import java.net.SocketOption;

/**
 * What a child's pipe answers for the socket parts of {@link Transport}: it has no address and
 * no socket options. Shared by {@link ReadPipeTransport} and {@link WritePipeTransport}.
 *
 * <p>Threading: as {@link Transport}, the loop's thread.
 */
interface PipeTransport extends Transport {
    /** The pipe's name in messages, such as {@code "stdout of [cat] (pid 42)"}. */
    String pipeName();

    /** Refused: a pipe is not a socket. */
    @Override
    default <T> void setOption(SocketOption<T> option, T value) {
        throw new UnsupportedOperationException(pipeName() + " is a pipe, not a socket: no " + option);
    }

    /** Refused: a pipe is not a socket. */
    @Override
    default <T> T getOption(SocketOption<T> option) {
        throw new UnsupportedOperationException(pipeName() + " is a pipe, not a socket: no " + option);
    }

    /** Null: a pipe has no address. */
    @Override
    default SocketAddress remoteAddress() {
        return null;
    }

    /** Null: a pipe has no address. */
    @Override
    default SocketAddress localAddress() {
        return null;
    }
}
