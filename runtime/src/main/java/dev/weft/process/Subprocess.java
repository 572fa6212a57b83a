package dev.weft.process;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Weft;
import dev.weft.internal.LoopAccess;
import dev.weft.net.StreamReader;
import dev.weft.net.StreamWriter;
import dev.weft.net.Streams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A child process started from the event loop: asyncio's {@code asyncio.subprocess.Process},
 * made by {@link #exec} ({@code create_subprocess_exec}) or {@link #shell}
 * ({@code create_subprocess_shell}).
 *
 * <pre>{@code
 * Subprocess p = Weft.await(Subprocess.shell("ls /zzz", SubprocessOptions.defaults()
 *         .stdout(Stdio.PIPE).stderr(Stdio.PIPE)));
 * Output out = Weft.await(p.communicate(null));
 * System.out.println("exited with " + p.returnCode());
 * }</pre>
 *
 * <p>Streams: a stream started as {@link Stdio#PIPE} is a {@link StreamWriter} ({@link #stdin()})
 * or a {@link StreamReader} ({@link #stdout()}, {@link #stderr()}) with the same methods, limits
 * and back-pressure as a socket's; see {@code ReadPipeTransport} and {@code WritePipeTransport}
 * for how pump threads connect them to the loop. Asking for a stream that was not piped fails
 * with {@link IllegalStateException} naming the stream and the program.
 *
 * <p>Exit: {@link #returnCode()} is null while the child runs and its exit code once the loop
 * has seen it exit ({@link Process#onExit()}); a child killed by signal N has the return code −N
 * (asyncio's convention on POSIX), which weft derives from the JDK's exit value 128 + N — so an
 * ordinary {@code exit(130)} reads as −2 as well. {@link #waitFor()} completes, as asyncio's
 * {@code wait()}, once the child has exited <em>and</em> every pipe to the loop has reached EOF
 * or been closed, so all its output is in the readers by then; a child that fills a pipe nobody
 * reads never exits (use {@link #communicate}).
 *
 * <p>Cancellation: cancelling the future of {@code waitFor()} or {@code communicate()} leaves
 * the child running (communicate stops reading; what was read stays in the readers).
 * {@link #kill()}, {@link #terminate()} and {@link #sendSignal} do nothing once the child has
 * exited.
 *
 * <p>At loop close ({@code Weft.run} returning, {@code EventLoop.close()}) a child still running
 * is killed, with a warning on the {@link System.Logger} {@code dev.weft.process}, and its pump
 * threads are stopped ({@code LoopCloseHook}). asyncio 3.13 warns too
 * ({@code ResourceWarning: unclosed transport}, shown with {@code -W default}) and its
 * transport's {@code close()} means to kill the child, but at the end of {@code asyncio.run}
 * that close fails on the closed loop and the child runs on, orphaned. weft kills it because
 * otherwise its pump threads would stay blocked on its pipes for as long as it runs.
 *
 * <p>Threading: every method must be called on the thread of the loop that started the child.
 * Null policy: null arguments are rejected with {@link NullPointerException}, except
 * {@code communicate(null)} (no input); {@link #returnCode()} is null while running.
 */
public final class Subprocess {
    /** Interrupt (Ctrl-C). */
    public static final int SIGINT = ChildSignals.SIGINT;
    /** Kill: cannot be caught. */
    public static final int SIGKILL = ChildSignals.SIGKILL;
    /** Terminate: the polite request {@link #terminate()} sends. */
    public static final int SIGTERM = ChildSignals.SIGTERM;

    private final EventLoop loop;
    private final Process process;
    private final String display;
    private final StreamWriter stdin;
    private final StreamReader stdout;
    private final StreamReader stderr;
    private final boolean stderrMerged;
    private WritePipeTransport inPipe;
    private ReadPipeTransport outPipe;
    private ReadPipeTransport errPipe;
    private final List<Future<Integer>> exitWaiters = new ArrayList<>(1);
    private final Runnable unhook;
    private int openPipes;
    private Integer returnCode;
    private boolean finished;

    private Subprocess(EventLoop loop, Process process, String display, SubprocessOptions o) {
        this.loop = loop;
        this.process = process;
        this.display = display;
        this.stderrMerged = o.stderr().kind() == Stdio.Kind.STDOUT;
        this.stdin = o.stdin().kind() == Stdio.Kind.PIPE ? connectStdin() : null;
        boolean out = o.stdout().kind() == Stdio.Kind.PIPE;
        boolean err = o.stderr().kind() == Stdio.Kind.PIPE;
        this.stdout = out ? connectOutput("stdout", o.limit()) : null;
        this.stderr = err ? connectOutput("stderr", o.limit()) : null;
        this.unhook = LoopAccess.get().onClose(loop, this::loopClosing);
        process.onExit().whenComplete((p, e) -> postExit());
    }

    // ---- starting --------------------------------------------------------------------------

    /** {@link #exec(List, SubprocessOptions)} with the {@link SubprocessOptions#defaults()}. */
    public static Future<Subprocess> exec(List<String> command) {
        return exec(command, SubprocessOptions.defaults());
    }

    /**
     * Starts {@code command} — the program, then its arguments, with no shell in between —
     * on the running loop (asyncio's {@code create_subprocess_exec}). The future completes with
     * the running child, or fails if it cannot be started: an {@link IOException} naming the
     * program if it does not exist or cannot be run, a
     * {@link java.nio.file.NoSuchFileException} naming the working directory if that is missing,
     * an {@link IOException} for a redirect file that cannot be opened. The loop runs on. The
     * child is spawned on the loop thread, which takes about a millisecond (asyncio's
     * {@code Popen} runs on its loop too); its pump threads start with it.
     *
     * @throws IllegalArgumentException if {@code command} is empty
     * @throws NullPointerException if {@code command}, an element of it or {@code options} is
     *     null
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<Subprocess> exec(List<String> command, SubprocessOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Subprocess.exec: the command list is empty; its "
                    + "first element must be the program to run, e.g. List.of(\"ls\", \"-l\")");
        }
        List<String> args = List.copyOf(command); // rejects null elements, with an NPE
        return start(args, "'" + String.join(" ", args) + "'", options);
    }

    /** {@link #shell(String, SubprocessOptions)} with the {@link SubprocessOptions#defaults()}. */
    public static Future<Subprocess> shell(String command) {
        return shell(command, SubprocessOptions.defaults());
    }

    /**
     * Runs {@code command} in the system shell ({@code /bin/sh -c}, {@code cmd.exe /c} on
     * Windows) on the running loop (asyncio's {@code create_subprocess_shell}); the shell's
     * errors (a program it cannot find: return code 127) come back as its return code. The
     * future fails as {@link #exec(List, SubprocessOptions)}'s does.
     *
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<Subprocess> shell(String command, SubprocessOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(options, "options");
        return start(Launcher.shellCommand(command), "'" + command + "'", options);
    }

    private static Future<Subprocess> start(List<String> args, String display,
            SubprocessOptions options) {
        EventLoop loop = Weft.loop();
        Future<Subprocess> result = loop.createFuture();
        Process process;
        try {
            process = Launcher.start(args, options, display);
        } catch (IOException e) {
            result.setException(e);
            return result;
        }
        result.setResult(new Subprocess(loop, process, display, options));
        return result;
    }

    private StreamWriter connectStdin() {
        openPipes++;
        String name = "stdin of " + this;
        StreamReader failures = new StreamReader(loop); // a writer's protocol reports through one
        return Streams.connect(failures, protocol -> inPipe = new WritePipeTransport(loop,
                protocol, process.getOutputStream(), name, process.pid(), this::pipeLost, failures))
                .writer();
    }

    private StreamReader connectOutput(String stream, int limit) {
        openPipes++;
        StreamReader reader = new StreamReader(loop, limit);
        ReadPipeTransport[] made = new ReadPipeTransport[1];
        Streams.connect(reader, protocol -> made[0] = new ReadPipeTransport(loop, protocol,
                stream.equals("stdout") ? process.getInputStream() : process.getErrorStream(),
                stream + " of " + this, this::pipeLost));
        made[0].start(process.pid(), stream);
        if (stream.equals("stdout")) {
            outPipe = made[0];
        } else {
            errPipe = made[0];
        }
        return reader;
    }

    // ---- the child -------------------------------------------------------------------------

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * The child's stdin.
     *
     * @throws IllegalStateException if stdin was not {@link Stdio#PIPE}
     */
    public StreamWriter stdin() {
        checkThread();
        if (stdin == null) {
            throw notPiped("stdin", "stdin");
        }
        return stdin;
    }

    /**
     * The child's stdout.
     *
     * @throws IllegalStateException if stdout was not {@link Stdio#PIPE}
     */
    public StreamReader stdout() {
        checkThread();
        if (stdout == null) {
            throw notPiped("stdout", "stdout");
        }
        return stdout;
    }

    /**
     * The child's stderr.
     *
     * @throws IllegalStateException if stderr was not {@link Stdio#PIPE} (merged into stdout
     *     with {@link Stdio#STDOUT}, say)
     */
    public StreamReader stderr() {
        checkThread();
        if (stderr == null) {
            if (stderrMerged) {
                throw new IllegalStateException("stderr of " + this + " was merged into stdout "
                        + "(Stdio.STDOUT): read stdout(), which carries both");
            }
            throw notPiped("stderr", "stderr");
        }
        return stderr;
    }

    private IllegalStateException notPiped(String stream, String option) {
        return new IllegalStateException(stream + " of " + this + " was not piped: start it "
                + "with SubprocessOptions.defaults()." + option + "(Stdio.PIPE) to use it");
    }

    /**
     * The return code: null while running, −N if signal N killed it; see the class comment. Also
     * readable after the loop closed (a child killed at close then reads −9).
     */
    public Integer returnCode() {
        if (!loop.isClosed()) {
            checkThread();
        }
        return returnCode;
    }

    /**
     * A future of the return code, complete once the child has exited and its pipes are closed
     * (see the class comment). Cancelling it leaves the child running.
     */
    public Future<Integer> waitFor() {
        checkThread();
        Future<Integer> f = loop.createFuture();
        if (finished) {
            f.setResult(returnCode);
        } else {
            exitWaiters.add(f);
        }
        return f;
    }

    /**
     * Writes {@code input} (if not null) to stdin and closes it, reads stdout and stderr to EOF
     * (those that are piped), and waits for the child to exit (asyncio's {@code communicate}).
     * A child that exits without reading all its input is fine: the broken pipe is ignored, as
     * in asyncio. Cancelling the future stops the reads and leaves the child running.
     *
     * @throws IllegalStateException if {@code input} is given and stdin was not piped (asyncio
     *     drops it silently; weft does not lose data without saying so)
     */
    public Future<Output> communicate(byte[] input) {
        checkThread();
        if (input != null && stdin == null) {
            throw new IllegalStateException("communicate(input) needs stdin of " + this + " to "
                    + "be piped: start it with SubprocessOptions.defaults().stdin(Stdio.PIPE)");
        }
        return Communication.start(loop, this, stdin, stdout, stderr, input);
    }

    /** {@code communicate(null)}: no input. */
    public Future<Output> communicate() {
        return communicate(null);
    }

    /**
     * Sends signal {@code signal} (1 to 64; {@link #SIGTERM}, {@link #SIGKILL}, {@link #SIGINT}
     * ...) to the child; nothing if it has exited. SIGTERM and SIGKILL go straight to the child,
     * others through {@code kill(1)}, which this call waits for (a few milliseconds).
     *
     * @throws IllegalArgumentException for a number outside 1..64
     * @throws UnsupportedOperationException for signals but SIGTERM and SIGKILL on Windows
     */
    public void sendSignal(int signal) {
        checkThread();
        if (returnCode == null) {
            ChildSignals.send(process, signal, toString());
        }
    }

    /** Sends SIGTERM; nothing if the child has exited. */
    public void terminate() {
        sendSignal(SIGTERM);
    }

    /** Sends SIGKILL; nothing if the child has exited. */
    public void kill() {
        sendSignal(SIGKILL);
    }

    private void checkThread() {
        LoopAccess.get().checkThread(loop);
    }

    // ---- exit and the end of the pipes (loop thread) ---------------------------------------

    private void postExit() {
        try {
            loop.callSoonThreadsafe(this::exited);
        } catch (IllegalStateException closed) {
            // the loop closed first; its close hook killed the child and stopped the pumps
        }
    }

    private void exited() {
        returnCode = ChildSignals.returnCode(process.exitValue());
        if (inPipe != null) {
            inPipe.childExited();
        }
        tryFinish();
    }

    private void pipeLost() {
        openPipes--;
        tryFinish();
    }

    private void tryFinish() {
        if (finished || returnCode == null || openPipes > 0) {
            return;
        }
        finished = true;
        unhook.run();
        for (Future<Integer> w : exitWaiters) {
            if (!w.done()) {
                w.setResult(returnCode);
            }
        }
        exitWaiters.clear();
    }

    // ---- loop close (any thread) -----------------------------------------------------------

    private void loopClosing() {
        Integer code = LoopCloseHook.run(process, toString(), inPipe, outPipe, errPipe);
        if (returnCode == null) {
            returnCode = code; // the loop will not see the exit any more
        }
    }

    @Override
    public String toString() {
        return display + " (pid " + process.pid() + ")";
    }
}
