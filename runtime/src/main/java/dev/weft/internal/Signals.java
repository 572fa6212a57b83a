package dev.weft.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Locale;

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
 * <p>The {@code sun.misc} types are reached through method handles, looked up once, rather than
 * named in the source: javac's "internal proprietary API" warning on them is mandatory (no
 * {@code -Xlint} or {@code @SuppressWarnings} switches it off), and the build is warning-free.
 * A handler is a {@link Proxy} implementing {@code sun.misc.SignalHandler}.
 *
 * <p>Stateless; safe on any thread.
 *
 * <p>Not API: public only because the core package {@code dev.weft} uses it from another
 * package; it depends on nothing of weft's.
 */
public final class Signals {
    private Signals() {
    }

    /** The {@code sun.misc} members this class uses, or the reason they are missing. */
    private static final class Api {
        static final Class<?> HANDLER;
        static final MethodHandle NEW_SIGNAL;   // (String) Signal
        static final MethodHandle GET_NAME;     // (Signal) String
        static final MethodHandle HANDLE;       // (Signal, SignalHandler) SignalHandler
        static final Object SIG_DFL;
        static final Object SIG_IGN;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> signal = Class.forName("sun.misc.Signal");
                HANDLER = Class.forName("sun.misc.SignalHandler");
                NEW_SIGNAL = lookup.findConstructor(signal, MethodType.methodType(void.class, String.class));
                GET_NAME = lookup.findVirtual(signal, "getName", MethodType.methodType(String.class));
                HANDLE = lookup.findStatic(signal, "handle", MethodType.methodType(HANDLER, signal, HANDLER));
                SIG_DFL = HANDLER.getField("SIG_DFL").get(null);
                SIG_IGN = HANDLER.getField("SIG_IGN").get(null);
            } catch (ReflectiveOperationException e) {
                throw new NoClassDefFoundError("sun.misc.Signal: " + e);
            }
        }
    }

    /** {@code Signal.handle(signal, handler)}, rethrowing what it throws unchanged. */
    private static Object handle(Object signal, Object handler) {
        try {
            return Api.HANDLE.invoke(signal, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static String nameOf(Object signal) {
        try {
            return (String) Api.GET_NAME.invoke(signal);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A {@code sun.misc.SignalHandler} that runs {@code action}; equal only to itself. */
    private static Object handlerRunning(Runnable action) {
        InvocationHandler dispatch = (proxy, method, args) -> {
            switch (method.getName()) {
                case "handle":
                    action.run();
                    return null;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "weft signal handler " + action;
            }
        };
        return Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {Api.HANDLER}, dispatch);
    }

    /**
     * One handler this class installed: the signal and the handler it replaced, which
     * {@link #restore()} gives the signal back to. Keeps {@code sun.misc} types inside this file.
     */
    public static final class Installed {
        private final Object signal;   // a sun.misc.Signal
        private final Object previous; // a sun.misc.SignalHandler

        private Installed(Object signal, Object previous) {
            this.signal = signal;
            this.previous = previous;
        }

        /** Gives the signal back to the handler it had before; never fails. */
        public void restore() {
            try {
                handle(signal, previous);
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
        public boolean replacedJvmDefault() {
            return previous == Api.SIG_DFL
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
    public static String canonicalName(String name) {
        return nameOf(of(name));
    }

    private static Object of(String name) {
        String bare = name.trim().toUpperCase(Locale.ROOT);
        if (bare.startsWith("SIG")) {
            bare = bare.substring(3);
        }
        try {
            return Api.NEW_SIGNAL.invoke(bare);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signal '" + name + "': this platform ("
                    + System.getProperty("os.name") + ") has no SIG" + bare + "; use a name such as "
                    + "INT, TERM, HUP, USR1 or WINCH", e);
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("signal handling needs the jdk.unsupported module, "
                    + "which this JVM lacks (a jlink image without it?): add it with --add-modules", e);
        } catch (Throwable t) {
            throw new IllegalStateException("sun.misc.Signal(\"" + bare + "\") failed", t);
        }
    }

    /**
     * Makes {@code action} (run on the JVM's signal thread) the handler of the signal {@code name}.
     *
     * @return what {@link Installed#restore()} undoes
     * @throws IllegalArgumentException if the platform knows no such signal
     * @throws UnsupportedOperationException if the JVM will not hand the signal to Java code
     */
    public static Installed install(String name, Runnable action) {
        Object signal = of(name);
        String bare = nameOf(signal);
        Object mine = handlerRunning(action);
        Object previous;
        try {
            previous = handle(signal, mine);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedOperationException("the JVM cannot hand SIG" + bare
                    + " to Java code: the VM or the OS reserves it"
                    + ("INT TERM HUP".contains(bare) ? " (is the JVM running with -Xrs?)" : ""), e);
        }
        // An ignored INT, TERM or HUP stays ignored: the JVM answers SIG_IGN and installs nothing.
        if (previous == Api.SIG_IGN && handle(signal, mine) != mine) {
            throw new UnsupportedOperationException("the JVM cannot hand SIG" + bare
                    + " to Java code: the process was started with it ignored (as a background job "
                    + "of a shell, or under nohup), and the JVM keeps it ignored");
        }
        return new Installed(signal, previous);
    }
}
