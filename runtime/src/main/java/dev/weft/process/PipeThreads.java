package dev.weft.process;

/**
 * Makes the threads that move a child's pipe bytes: daemon threads named
 * {@code weft-pipe-<pid>-<stream>} (so a thread dump says whose they are), with a small stack —
 * a pump only loops over one blocking read or write, so it never needs the default 1 MiB or more.
 *
 * <p>Threading: any thread. Stateless.
 */
final class PipeThreads {
    /** The name every pipe thread's name starts with; tests count threads by it. */
    static final String PREFIX = "weft-pipe-";
    private static final long STACK_BYTES = 256 * 1024;

    private PipeThreads() {
    }

    /** A started daemon thread that runs {@code body} for {@code stream} of child {@code pid}. */
    static Thread start(long pid, String stream, Runnable body) {
        Thread t = new Thread(null, body, PREFIX + pid + "-" + stream, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
