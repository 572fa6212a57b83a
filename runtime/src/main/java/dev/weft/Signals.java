package dev.weft;

import java.util.Locale;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process's signal handlers, through {@code sun.misc.Signal}: what {@link LoopSignals} and
 * {@code Weft.run}'s Ctrl-C handling install.
 *
 * <p>Why {@code sun.misc.Signal}: it is the one way a Java program can handle signals, in the
 * {@code jdk.unsupported} module, which is exported to every class-path and module-path program
 * from JDK 9 to 25 and kept on purpose for libraries like this one; its twin
 * {@code jdk.internal.misc.Signal} would need {@code --add-exports} on every user's command line.
 * The JVM runs a Java signal handler on a thread of its own, never on the thread the signal
 * interrupted, which is why handlers here only post work to a loop or end the JVM.
 *
 * <p>What the JVM refuses, each reported with a clear exception: names it does not know
 * ({@link IllegalArgumentException}); signals it keeps for itself ({@code QUIT}, {@code KILL},
 * {@code STOP}, {@code SEGV}, ...) and, under {@code -Xrs}, {@code INT}, {@code TERM} and
 * {@code HUP} ({@link UnsupportedOperationException}); and {@code INT}, {@code TERM}, {@code HUP}
 * when the process was started with them ignored (a background job of a non-interactive
 * shell, {@code nohup}): the JVM then keeps them ignored, reporting {@code SIG_IGN} as the old
 * handler without installing the new one. That is detected by installing twice
 * ({@link UnsupportedOperationException} too).
 *
 * <p>Stateless; safe on any thread.
 */
final class Signals {
    private Signals() {
    }

    /**
     * The signal called {@code name}: {@code "INT"} or {@code "SIGINT"}, any case.
     *
     * @throws IllegalArgumentException if the platform knows no such signal
     * @throws UnsupportedOperationException if this JVM has no {@code jdk.unsupported} module
     */
    static Signal of(String name) {
        String bare = name.trim().toUpperCase(Locale.ROOT);
        if (bare.startsWith("SIG")) {
            bare = bare.substring(3);
        }
        try {
            return new Signal(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signal '" + name + "': this platform ("
                    + System.getProperty("os.name") + ") has no SIG" + bare + "; use a name such as "
                    + "INT, TERM, HUP, USR1 or WINCH", e);
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("signal handling needs the jdk.unsupported module, "
                    + "which this JVM lacks (a jlink image without it?): add it with --add-modules", e);
        }
    }

    /**
     * Makes {@code action} (run on the JVM's signal thread) the handler of {@code signal}.
     *
     * @return the handler it replaced, to give back to {@link #restore}
     * @throws UnsupportedOperationException if the JVM will not hand the signal to Java code
     */
    static SignalHandler install(Signal signal, Consumer<Signal> action) {
        SignalHandler mine = action::accept;
        SignalHandler previous;
        try {
            previous = Signal.handle(signal, mine);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedOperationException("the JVM cannot hand SIG" + signal.getName()
                    + " to Java code: the VM or the OS reserves it"
                    + ("INT TERM HUP".contains(signal.getName()) ? " (is the JVM running with -Xrs?)" : ""), e);
        }
        // An ignored INT, TERM or HUP stays ignored: the JVM answers SIG_IGN and installs nothing.
        if (previous == SignalHandler.SIG_IGN && Signal.handle(signal, mine) != mine) {
            throw new UnsupportedOperationException("the JVM cannot hand SIG" + signal.getName()
                    + " to Java code: the process was started with it ignored (as a background job "
                    + "of a shell, or under nohup), and the JVM keeps it ignored");
        }
        return previous;
    }

    /** Gives {@code signal} back to {@code previous}; never fails. */
    static void restore(Signal signal, SignalHandler previous) {
        try {
            Signal.handle(signal, previous);
        } catch (IllegalArgumentException e) {
            // it was installable a moment ago; nothing sensible is left to do
        }
    }

    /**
     * Whether {@code handler} is the JVM's own handler of INT, TERM and HUP (it exits the JVM).
     * {@code sun.misc.Signal} hands it back wrapped, a wrapper whose {@code toString} is the
     * wrapped handler's, {@code java.lang.Terminator$1@...} on JDK 17 to 25: the only way to
     * recognise it without reaching into {@code java.base}.
     */
    static boolean isJvmDefault(SignalHandler handler) {
        return handler == SignalHandler.SIG_DFL
                || handler.getClass().getName().startsWith("java.lang.Terminator")
                || String.valueOf(handler).startsWith("java.lang.Terminator");
    }
}
