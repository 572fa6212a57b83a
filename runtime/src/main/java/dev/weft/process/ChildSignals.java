package dev.weft.process;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a signal to a child: SIGTERM and SIGKILL through {@link ProcessHandle} (no extra
 * process), any other signal through {@code kill(1)}, since the JDK offers no way to send
 * an arbitrary signal without native code.
 *
 * <p>ChildSignals go through the {@link ProcessHandle}, not {@link Process#destroy()}, because
 * {@code Process.destroy} also closes the child's pipes under the pump threads, which would lose
 * what the child wrote before it died.
 *
 * <p>Stateless; any thread. A {@code kill(1)} run blocks the caller until it exits (a few
 * milliseconds).
 */
final class ChildSignals {
    static final int SIGINT = 2;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    /** The highest signal number on Linux ({@code SIGRTMAX}). */
    static final int MAX = 64;

    private ChildSignals() {
    }

    /**
     * Sends {@code signal} to {@code process} if it is still alive.
     *
     * @throws IllegalArgumentException if {@code signal} is not in 1..64
     * @throws UnsupportedOperationException for a signal other than SIGTERM or SIGKILL on
     *     Windows
     * @throws IllegalStateException if {@code kill(1)} cannot be run or rejects the signal
     */
    static void send(Process process, int signal, String display) {
        if (signal < 1 || signal > MAX) {
            throw new IllegalArgumentException("no signal " + signal + " (for " + display
                    + "): signals are numbered 1 to " + MAX);
        }
        ProcessHandle handle = process.toHandle();
        if (!handle.isAlive()) {
            return; // exited already: nothing to do (and its pid may be reused)
        }
        if (signal == SIGTERM) {
            handle.destroy();
        } else if (signal == SIGKILL) {
            handle.destroyForcibly();
        } else if (Launcher.WINDOWS) {
            throw new UnsupportedOperationException("signal " + signal + " cannot be sent to "
                    + display + " on Windows: only terminate() and kill() are supported");
        } else {
            runKill(handle.pid(), signal, display);
        }
    }

    private static void runKill(long pid, int signal, String display) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getOutputStream().close();
            byte[] said = kill.getInputStream().readAllBytes();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid + " did not finish");
            }
            if (kill.exitValue() != 0 && process(pid)) {
                throw new IllegalStateException("cannot send signal " + signal + " to " + display
                        + ": kill said " + new String(said).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot send signal " + signal + " to " + display
                    + ": kill(1) cannot be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending signal " + signal + " to "
                    + display, e);
        }
    }

    /** Whether {@code pid} still names a live process (a failed kill of an exited one is fine). */
    private static boolean process(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * asyncio's return code from the JDK's exit value: the JDK reports a child killed by signal
     * N as 128 + N (POSIX), asyncio as −N. An ordinary exit with a status from 129 to 192 looks
     * the same to the JDK and is therefore reported as a signal too.
     */
    static int returnCode(int exitValue) {
        if (!Launcher.WINDOWS && exitValue > 128 && exitValue <= 128 + MAX) {
            return -(exitValue - 128);
        }
        return exitValue;
    }
}
