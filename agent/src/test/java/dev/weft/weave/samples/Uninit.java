package dev.weft.weave.samples;

import dev.weft.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the generated (non-javac) bytecode shapes of {@code UninitializedShapesTest}: the
 * classes they construct, the calls they make with the results, and the stand-in for
 * {@code Weft.await} of the un-woven reference run.
 */
public final class Uninit {
    private Uninit() {
    }

    /** What the reference (un-woven) run uses instead of {@code Weft.await}: the future is done. */
    public static Object join(Future<?> f) {
        return f.result();
    }

    /**
     * A description of {@code a} and {@code b} that tells whether they are the same object, so a
     * woven method that returns an equal but different object (or the wrong copy) is caught.
     */
    public static String pair(Object a, Object b) {
        return a + "|" + b + "|" + (a == b ? "same" : "distinct");
    }

    /** A constructor taking two values. */
    public static final class Two {
        private final Object a;
        private final Object b;

        public Two(Object a, Object b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public String toString() {
            return "Two(" + a + ", " + b + ")";
        }
    }

    /**
     * A class whose static initialiser logs itself, for the order of {@code new Late(await f)}:
     * Java initialises {@code Late} when {@code new} executes, before the arguments (JLS 12.4.1).
     */
    public static final class Late {
        static {
            Log.add("clinit");
        }

        private final Object value;

        public Late(Object value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return "Late(" + value + ")";
        }
    }

    /** The order log of {@link Late}, in its own class so reading it does not initialise Late. */
    public static final class Log {
        public static final List<String> EVENTS = new ArrayList<>();

        private Log() {
        }

        public static void add(String event) {
            EVENTS.add(event);
        }

        /** What happened, in order. */
        public static String events() {
            return EVENTS.toString();
        }

        /** Logs the awaited argument on its way to a constructor and returns it. */
        public static Object arg(Object value) {
            EVENTS.add("arg " + value);
            return value;
        }
    }
}
