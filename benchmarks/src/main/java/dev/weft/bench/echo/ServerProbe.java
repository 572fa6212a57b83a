package dev.weft.bench.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * The suite's view of one server JVM: its CPU from {@code /proc/<pid>/stat} and its loop threads'
 * allocated bytes and user CPU, asked for over the server's stdin and answered on its stdout
 * ({@link EchoServerMain}).
 *
 * <p>Used by one thread at a time (the suite's).
 */
final class ServerProbe {
    private final long pid;
    private final BufferedReader out;
    private final Writer control;

    ServerProbe(long pid, BufferedReader out, Writer control) {
        this.pid = pid;
        this.out = out;
        this.control = control;
    }

    /** One reading: the load's completed requests, wall time, server CPU and allocation. */
    record Sample(long requests, long wallNanos, ProcStat cpu, long allocated, long loopUserNanos) {
    }

    /** Samples the server now; {@code requests} is the load's count at the same moment. */
    Sample sample(long requests) throws IOException {
        long wall = System.nanoTime();
        ProcStat cpu = ProcStat.of(pid);
        control.write("alloc\n");
        control.flush();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("alloc ")) {
                String[] f = line.split(" ");
                return new Sample(requests, wall, cpu, Long.parseLong(f[1]), Long.parseLong(f[2]));
            }
        }
        throw new IOException("the server JVM (pid " + pid + ") exited during the run");
    }
}
