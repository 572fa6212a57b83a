package dev.weft;

import java.util.Locale;
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
     * One handler this class installed: the signal and the handler it replaced, which
     * {@link #restore()} gives the signal back to. Keeps {@code sun.misc} types inside this file.
     */
    static final class Installed {
        private final Signal signal;
        private final SignalHandler previous;

        private Installed(Signal signal, SignalHandler previous) {
            this.signal = signal;
            this.previous = previous;
        }

        /** Gives the signal back to the handler it had before; never fails. */
        void restore() {
            try {
                Signal.handle(signal, previous);
            } catch (IllegalArgumentException e) {
                // it was installable a moment ago; nothing sensible is left to do
            }
        }

        /**
         * Whether the replaced handler was the JVM's own one of INT, TERM and HUP (it exits the
         * JVM). {@code sun.misc.Signal} hands it back wrapped, a wrapper whose {@code toString}
         * is the wrapped handler's, {@code java.lang.Terminator$1@...} on JDK 17 to 25: the only
         * way to recognise it without reaching into {@code java.base}.
         */
        boolean replacedJvmDefault() {
            return previous == SignalHandler.SIG_DFL
                    || previous.getClass().getName().startsWith("java.lang.Terminator")
                    || String.valueOf(previous).startsWith("java.lang.Terminator");
        }
    }

    /**
     * The platform's name of the signal {@code name}: {@code "INT"} for {@code "INT"},
     * {@code "SIGINT"} or {@code "sigint"}.
     *
     * @throws IllegalArgumentException if the platform knows no such signal
     * @throws UnsupportedOperationException if this JVM has no {@code jdk.unsupported} module
     */
    static String canonicalName(String name) {
        return of(name).getName();
    }

    private static Signal of(String name) {
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
     * Makes {@code action} (run on the JVM's signal thread) the handler of the signal {@code name}.
     *
     * @return what {@link Installed#restore()} undoes
     * @throws IllegalArgumentException if the platform knows no such signal
     * @throws UnsupportedOperationException if the JVM will not hand the signal to Java code
     */
    static Installed install(String name, Runnable action) {
        Signal signal = of(name);
        SignalHandler mine = s -> action.run();
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
        return new Installed(signal, previous);
    }
}
