package dev.weft.bench.echo;

import java.util.List;

/**
 * One running echo server of the suite, listening on 127.0.0.1: what
 * {@link EchoServerMain} needs to report its port and measure its loop threads.
 *
 * <p>Implementations are started by {@link EchoKind#start}; {@link #close()} stops them (the
 * server JVM then exits anyway). Threading: the methods are called from the server JVM's main
 * thread, never from a loop thread.
 */
interface EchoServer extends AutoCloseable {

    /** The port the server listens on. */
    int port();

    /** The threads that run the server's event loops, whose allocations are measured. */
    List<Thread> loopThreads();

    /** Stops the server; best effort, never throws. */
    @Override
    void close();
}
