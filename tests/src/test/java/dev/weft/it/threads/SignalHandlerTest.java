package dev.weft.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.KeyboardInterrupt;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code EventLoop.addSignalHandler}/{@code removeSignalHandler} and {@code Weft.run}'s first
 * Ctrl-C, with signals this JVM sends itself ({@code sun.misc.Signal.raise}). SIGWINCH serves
 * for the handler tests: its default action is to do nothing, so a handler that failed to
 * install cannot hurt the test JVM. The test of a second Ctrl-C, which ends the JVM, runs the
 * example in a child JVM ({@code examples}' {@code KeyboardInterruptExampleTest}).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SignalHandlerTest {

    @Async
    static Coroutine<String> handleWinch(List<String> log) {
        EventLoop loop = Weft.loop();
        Thread loopThread = Thread.currentThread();
        dev.weft.Future<Void> got = loop.createFuture();
        loop.addSignalHandler("SIGWINCH", () -> {
            log.add("handler on the loop thread: " + (Thread.currentThread() == loopThread));
            if (!got.done()) {
                got.setResult(null);
            }
        });
        raise("WINCH");
        Weft.await(got);
        boolean removed = loop.removeSignalHandler("WINCH");
        boolean again = loop.removeSignalHandler("WINCH");
        return Weft.done("removed=" + removed + " again=" + again);
    }

    @Test
    void addSignalHandler_signalArrives_handlerRunsOnTheLoopThread() {
        List<String> log = new ArrayList<>();

        assertEquals("removed=true again=false", Weft.run(handleWinch(log)));
        assertEquals(List.of("handler on the loop thread: true"), log);
    }

    @Async
    static Coroutine<String> badSignals() {
        EventLoop loop = Weft.loop();
        List<String> seen = new ArrayList<>();
        try {
            loop.addSignalHandler("NOSUCH", () -> { });
        } catch (IllegalArgumentException e) {
            seen.add(e.getMessage().startsWith("unknown signal 'NOSUCH'") ? "unknown" : e.getMessage());
        }
        try {
            loop.addSignalHandler("QUIT", () -> { });
        } catch (UnsupportedOperationException e) {
            seen.add(e.getMessage().contains("cannot hand SIGQUIT to Java code") ? "reserved" : e.getMessage());
        }
        try {
            loop.removeSignalHandler("NOSUCH");
        } catch (IllegalArgumentException e) {
            seen.add("unknown on remove");
        }
        Weft.await(Weft.sleep(0));
        seen.add("the loop goes on");
        return Weft.done(String.join(", ", seen));
    }

    @Test
    void addSignalHandler_unknownOrReservedSignal_documentedExceptionsAndTheLoopGoesOn() {
        assertEquals("unknown, reserved, unknown on remove, the loop goes on", Weft.run(badSignals()));
    }

    @Test
    void addSignalHandler_closedLoop_illegalStateException() {
        EventLoop loop = EventLoop.create();
        loop.close();

        assertThrows(IllegalStateException.class, () -> loop.addSignalHandler("WINCH", () -> { }));
    }

    @Async
    static Coroutine<String> interruptedMain(List<String> log) {
        try {
            raise("INT"); // Ctrl-C, while the main task runs
            Weft.await(Weft.sleep(30_000));
            return Weft.done("slept");
        } catch (CancelledError e) {
            log.add("main task cancelled");
            throw e;
        } finally {
            log.add("finally ran");
        }
    }

    @Test
    void run_firstSigint_cancelsTheMainTaskRunsItsFinallyAndThrowsKeyboardInterrupt() throws IOException {
        Assumptions.assumeFalse(sigintIgnored(), "this JVM was started with SIGINT ignored");
        List<String> log = new ArrayList<>();

        KeyboardInterrupt e = assertThrows(KeyboardInterrupt.class, () -> Weft.run(interruptedMain(log)));

        assertEquals(List.of("main task cancelled", "finally ran"), log);
        assertTrue(e.getCause() instanceof CancelledError, String.valueOf(e.getCause()));
        assertFalse(Thread.interrupted());
    }

    /** Whether SIGINT (bit 1 of SigIgn) was ignored when this process started: the JVM then keeps it so. */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.exists(status), "needs Linux's /proc to check SIGINT");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    /**
     * {@code sun.misc.Signal.raise(new Signal(name))}, reflectively: naming {@code sun.misc} types
     * gives javac's mandatory "internal proprietary API" warning, and the build is warning-free.
     */
    private static void raise(String name) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            signal.getMethod("raise", signal).invoke(null, signal.getConstructor(String.class).newInstance(name));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot raise SIG" + name, e);
        }
    }
}
