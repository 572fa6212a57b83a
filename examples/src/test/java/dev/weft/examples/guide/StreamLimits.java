package dev.weft.examples.guide;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.weft.Coroutine;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.net.Connection;
import dev.weft.net.LimitOverrunError;
import dev.weft.net.Server;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import dev.weft.net.Transport;

/**
 * The stream limits of docs/streams.md, printed: a reader's limit and what a longer line does,
 * and a transport's write-buffer water marks, the defaults and then changed.
 */
public final class StreamLimits {
    private StreamLimits() {
    }

    /** Sends one 100-byte line and ends the connection. */
    @Async
    static Coroutine<Void> longLine(StreamReader reader, StreamWriter writer) {
        writer.write(("x".repeat(99) + "\n").getBytes(UTF_8));
        Weft.await(writer.drain());
        return Weft.done();
    }

    @Async
    static Coroutine<Void> limits() {
        Server server = Weft.await(Streams.startServer(StreamLimits::longLine, "127.0.0.1", 0));
        Connection c = Weft.await(Streams.openConnection("127.0.0.1", server.port(), 16));
        System.out.println("default reader limit: " + StreamReader.DEFAULT_LIMIT + ", this one: " + c.reader().limit());
        try {
            Weft.await(c.reader().readLine());
        } catch (LimitOverrunError e) {
            System.out.println("a 100-byte line: " + e.getClass().getSimpleName());
        }
        Transport t = c.writer().transport();
        System.out.println("write buffer: high " + t.getWriteBufferHighWater() + ", low " + t.getWriteBufferLowWater());
        t.setWriteBufferLimits(1024 * 1024, 256 * 1024);   // drain() now waits above 1 MiB, until 256 KiB
        System.out.println("write buffer: high " + t.getWriteBufferHighWater() + ", low " + t.getWriteBufferLowWater());
        c.writer().close();
        server.close();
        Weft.await(server.waitClosed());
        return Weft.done();
    }

    /** Prints the limits; takes no arguments. */
    public static void main(String[] args) {
        Weft.run(limits());
    }
}
