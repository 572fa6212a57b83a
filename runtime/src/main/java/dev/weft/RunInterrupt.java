package dev.weft;

import dev.weft.internal.Signals;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Weft.run}'s Ctrl-C handling, as {@code asyncio.run} does it since Python 3.11: the first
 * SIGINT cancels the main task, so its {@code finally} blocks run and {@code Weft.run} ends with
 * {@link KeyboardInterrupt}; a second one ends the JVM at once
 * ({@link Runtime#halt(int) halt}, status 130 = 128 + SIGINT, no shutdown hooks: the program is
 * stuck in its cleanup, and waiting for hooks could hang again).
 *
 * <p>Installed only where asyncio would, and otherwise {@code Weft.run} runs with SIGINT left as
 * it was: when SIGINT still has the JVM's own handler (a program that installed its own keeps it),
 * when no other {@code Weft.run} holds it (nested runs on other threads leave it to the first),
 * when the JVM can hand it to Java code at all (not under {@code -Xrs}, not started with SIGINT
 * ignored), and unless {@code -Dweft.run.sigint=false}. The JVM's handler is given back when
 * {@code Weft.run} has closed its loop.
 *
 * <p>Threading: {@link #install}, {@link #translate} and {@link #close} on {@code Weft.run}'s
 * thread; {@link #onSigint} on the JVM's signal thread.
 */
class RunInterrupt implements AutoCloseable {
    /** The system property that turns the handling off. */
    static final String PROPERTY = "weft.run.sigint";
    /** The exit status of a second SIGINT: 128 + 2, what a shell reports for a process SIGINT ended. */
    static final int EXIT_STATUS = 130;
    private static final AtomicBoolean HELD = new AtomicBoolean();
    /** What {@link #install} answers where it installs nothing. */
    private static final RunInterrupt NONE = new RunInterrupt(null, null);

    private final EventLoop loop;
    private final Task<?> main;
    private final AtomicInteger count = new AtomicInteger();
    private Signals.Installed installed;

    private RunInterrupt(EventLoop loop, Task<?> main) {
        this.loop = loop;
        this.main = main;
    }

    /** Takes SIGINT for the run of {@code main} on {@code loop}, where it may (see the class comment). */
    static RunInterrupt install(EventLoop loop, Task<?> main) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true")) || !HELD.compareAndSet(false, true)) {
            return NONE;
        }
        try {
            RunInterrupt r = new RunInterrupt(loop, main);
            Signals.Installed taken = Signals.install("INT", r::onSigint);
            if (!taken.replacedJvmDefault()) {
                taken.restore(); // the program handles SIGINT itself: leave it alone
                HELD.set(false);
                return NONE;
            }
            r.installed = taken;
            return r;
        } catch (RuntimeException | LinkageError cannot) {
            HELD.set(false); // -Xrs, SIGINT ignored, no jdk.unsupported: run without the handling
            return NONE;
        }
    }

    /** On the JVM's signal thread. */
    private void onSigint() {
        if (count.incrementAndGet() == 1 && !main.done()) {
            try {
                loop.callSoonThreadsafe(() -> main.cancel());
                return;
            } catch (IllegalStateException closed) {
                // the loop is closing: fall through and end the JVM, as a second Ctrl-C would
            }
        }
        logThenHalt();
    }

    /**
     * Logs why the JVM ends (WARNING on {@code dev.weft.Weft}), then halts. The record is written
     * on a thread of its own, waited for at most 200 ms: a second Ctrl-C usually means something
     * is stuck, possibly holding a lock of the logging backend, and must end the JVM regardless.
     */
    private static void logThenHalt() {
        Thread note = new Thread(() -> System.getLogger("dev.weft.Weft").log(System.Logger.Level.WARNING,
                "weft: SIGINT during shutdown: ending the JVM now (status " + EXIT_STATUS + ")"),
                "weft-sigint-note");
        note.setDaemon(true);
        note.start();
        try {
            note.join(200);
        } catch (InterruptedException e) {
            // halting anyway
        }
        Runtime.getRuntime().halt(EXIT_STATUS);
    }

    /**
     * What {@code Weft.run} throws for the main task's cancellation: a {@link KeyboardInterrupt}
     * if SIGINT caused it and nobody else asked for it too ({@link Task#uncancel()} then leaves
     * no request, as asyncio checks), else the {@code CancelledError} itself.
     */
    RuntimeException translate(CancelledError e) {
        if (this != NONE && count.get() > 0 && main.uncancel() == 0) {
            return new KeyboardInterrupt(e);
        }
        return e;
    }

    /** Gives SIGINT back to the JVM's handler. */
    @Override
    public void close() {
        if (this != NONE) {
            installed.restore();
            HELD.set(false);
        }
    }
}
