package dev.weft.process;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;

/**
 * One {@link Subprocess#communicate(byte[])}: asyncio's {@code communicate}, which gathers
 * feeding stdin, reading stdout and reading stderr, then waits for the exit.
 *
 * <p>Threading: the loop thread.
 */
final class Communication {
    /*
     * Implementation overview. The reads are tasks over StreamReader.read() (to EOF),
     * so each pipe is drained as the child writes — stdin is fed concurrently, so a child that
     * writes a lot before it reads cannot deadlock with us. Feeding writes the input, awaits
     * drain() and closes stdin; a broken pipe (the child exited without reading it all) is
     * ignored, as asyncio ignores BrokenPipeError. When every part is done the result waits
     * for Subprocess.waitFor() and completes with the Output. If a read fails, the
     * result fails with that error. Cancelling the result cancels the parts still running and the
     * wait, and nothing else: the child runs on, and what was read stays in its reader.
     */

    private final Subprocess process;
    private final Future<Output> result;
    private final Task<byte[]> out;
    private final Task<byte[]> err;
    private Future<Void> feeding;
    private Future<Integer> exit;
    private int pending;

    private Communication(EventLoop loop, Subprocess process, StreamReader stdout,
            StreamReader stderr) {
        this.process = process;
        this.result = loop.createFuture();
        this.out = stdout != null ? loop.createTask(stdout.read()) : null;
        this.err = stderr != null ? loop.createTask(stderr.read()) : null;
    }

    static Future<Output> start(EventLoop loop, Subprocess process, StreamWriter stdin,
            StreamReader stdout, StreamReader stderr, byte[] input) {
        Communication c = new Communication(loop, process, stdout, stderr);
        c.pending = 1; // held until every part is registered
        if (stdin != null) {
            c.feeding = c.feed(loop, stdin, input);
            c.await(c.feeding);
        }
        c.await(c.out);
        c.await(c.err);
        c.result.addDoneCallback(r -> {
            if (r.cancelled()) {
                c.cancelParts();
            }
        });
        c.partDone(null);
        return c.result;
    }

    /** Writes {@code input}, drains, closes stdin; completes when that is done or broke. */
    private Future<Void> feed(EventLoop loop, StreamWriter stdin, byte[] input) {
        Future<Void> fed = loop.createFuture();
        if (input != null && input.length > 0) {
            stdin.write(input);
        }
        Future<Void> drained = stdin.drain();
        drained.addDoneCallback(d -> {
            if (fed.cancelled() || result.cancelled()) {
                return; // communicate was cancelled: leave stdin open, as asyncio does
            }
            stdin.close(); // after a broken pipe too: asyncio ignores BrokenPipeError here
            fed.setResult(null);
        });
        fed.addDoneCallback(f -> {
            if (f.cancelled()) {
                drained.cancel();
            }
        });
        return fed;
    }

    private void await(Future<?> part) {
        if (part != null) {
            pending++;
            part.addDoneCallback(this::partDone);
        }
    }

    private void partDone(Future<?> part) {
        // Read the error even when it is too late to use, so it is not reported as unretrieved.
        Throwable error = part != null && !part.cancelled() ? part.exception() : null;
        if (result.done()) {
            return;
        }
        if (error != null) {
            result.setException(error);
            cancelParts();
            return;
        }
        if (--pending == 0) {
            exit = process.waitFor();
            exit.addDoneCallback(e -> {
                if (!result.done() && !e.cancelled()) {
                    result.setResult(new Output(out != null ? out.result() : null,
                            err != null ? err.result() : null));
                }
            });
        }
    }

    private void cancelParts() {
        for (Future<?> f : new Future<?>[] {feeding, out, err, exit}) {
            if (f != null && !f.done()) {
                f.cancel();
            }
        }
    }
}
