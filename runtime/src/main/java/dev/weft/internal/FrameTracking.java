package dev.weft.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Debug mode's watch for coroutine objects that are never awaited (asyncio's "coroutine ... was
 * never awaited" warning), with the place each was created.
 *
 * <p>Why only in debug mode (and weft-junit, which turns it on): finding a frame never started
 * needs a GC hook per frame, and that is what costs. Measured on {@code AwaitFastPathBench}
 * (await of a non-suspending coroutine, 2 forks x 2 rounds, a loaded 2-core machine): a
 * {@link Cleaner} registration per frame, even with only the method's site and no stack trace,
 * took it from 9-15 ns to 630-670 ns median and from 64 to 136 B/op; registering one frame in 64
 * (sampling) still gave 81-84 ns and 65 B/op. Both are far above the 2% that would justify
 * always-on tracking, so it stays off outside debug mode.
 *
 * <p>The public methods are entry points for {@link Frame} and {@code dev.weft}; not API.
 *
 * <p>Threading: safe on any thread; the record map is guarded by its own monitor.
 */
public final class FrameTracking {
    /*
     * Implementation overview. Outside debug mode this costs nothing once compiled: whether
     * tracking is on is the target of a MutableCallSite (enabled()), which the JIT folds to a
     * constant and recompiles when it changes. A volatile flag cost a read per coroutine
     * creation and start and, worse, its acquire barrier stood between a frame's construction and
     * its run, so the JIT could not see which body the new frame runs. While a debug-mode loop
     * exists, a coroutine frame created on a
     * thread whose running loop is in debug mode gets a Record: its site and a stack trace of
     * its creation. Starting the frame (awaiting it, or making it a task's root) removes the record.
     * A frame can be found never started in two ways: when its loop closes (sweep, which is
     * deterministic and what tests rely on), or when the frame becomes garbage first, through a
     * Cleaner — the one GC hook, used only in debug mode, because a frame nobody references
     * any more can never be awaited. Each record is reported at most once. Generator frames are not
     * watched: an unused generator is not a bug, as in Python. Reports go to the dev.weft
     * logger, or to a sink set for the loop with redirect (weft-junit fails the test with
     * them); the sweep also reports the records whose frames the collector took before their
     * cleaner ran, so a loop's close reports every unstarted frame of that loop, whatever the GC did.
     */

    private static final System.Logger LOG = System.getLogger("dev.weft");

    /** Whether any debug-mode loop exists: a constant {@code ()boolean}, swapped on change. */
    private static final MutableCallSite ENABLED_SITE = new MutableCallSite(constant(false));
    private static final MethodHandle ENABLED = ENABLED_SITE.dynamicInvoker();

    private static int debugLoops;
    private static Supplier<Object> currentDebugLoop = () -> null;
    private static final Map<Frame, Record> RECORDS = new WeakHashMap<>();
    /** Every record not yet settled, also those whose frame is gone; guarded by {@link #RECORDS}. */
    private static final Set<Record> UNSETTLED = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Where the records of a loop are reported instead of the log; guarded by {@link #RECORDS}. */
    private static final Map<Object, BiConsumer<String, Throwable>> SINKS = new WeakHashMap<>();

    private FrameTracking() {
    }

    /**
     * Starts watching for a debug-mode loop; called once per loop that enters debug mode.
     *
     * @param currentLoop answers the debug-mode loop running on the calling thread, or null
     */
    public static synchronized void enable(Supplier<Object> currentLoop) {
        currentDebugLoop = currentLoop;
        if (debugLoops++ == 0) {
            setEnabled(true);
        }
    }

    /** Stops watching for one debug-mode loop; tracking ends with the last one. */
    public static synchronized void disable() {
        if (debugLoops > 0 && --debugLoops == 0) {
            setEnabled(false);
        }
    }

    /**
     * Whether any debug-mode loop exists; asked on every coroutine creation and start. Compiled
     * code sees a constant; a change deoptimizes it ({@link #setEnabled}).
     */
    static boolean enabled() {
        try {
            return (boolean) ENABLED.invokeExact();
        } catch (Throwable t) {
            throw new AssertionError(t); // a constant handle does not throw
        }
    }

    /** Swaps the answer of {@link #enabled()} and makes every thread see it before returning. */
    private static void setEnabled(boolean on) {
        ENABLED_SITE.setTarget(constant(on));
        MutableCallSite.syncAll(new MutableCallSite[] {ENABLED_SITE});
    }

    private static MethodHandle constant(boolean value) {
        return MethodHandles.constant(boolean.class, value);
    }

    /** A coroutine frame was created; records it if a debug-mode loop runs on this thread. */
    static void created(Frame frame) {
        Object loop = currentDebugLoop.get();
        if (loop == null) {
            return;
        }
        Record record;
        synchronized (RECORDS) {
            record = new Record(frame.site(), loop, creationTrace(), SINKS.get(loop));
            RECORDS.put(frame, record);
            UNSETTLED.add(record);
        }
        Holder.CLEANER.register(frame, record);
    }

    /** A frame started running: it was awaited or became a task's root. */
    static void started(Frame frame) {
        Record record;
        synchronized (RECORDS) {
            record = RECORDS.remove(frame);
            if (record != null) {
                UNSETTLED.remove(record);
            }
        }
        if (record != null) {
            record.settle();
        }
    }

    /**
     * Sends the never-awaited reports of the frames created from now on on {@code loop} to
     * {@code sink} (a message naming the coroutine, and a throwable whose stack trace is where
     * it was created) instead of the log; null restores the log. Any thread.
     */
    public static void redirect(Object loop, BiConsumer<String, Throwable> sink) {
        synchronized (RECORDS) {
            if (sink == null) {
                SINKS.remove(loop);
            } else {
                SINKS.put(loop, sink);
            }
        }
    }

    /**
     * Reports, and stops watching, every frame created on {@code loop} that has not started;
     * called when a debug-mode loop closes.
     *
     * @return how many were reported
     */
    public static int sweep(Object loop) {
        List<Record> unstarted = new ArrayList<>();
        synchronized (RECORDS) {
            RECORDS.values().removeIf(r -> r.loop == loop);
            UNSETTLED.removeIf(r -> {
                if (r.loop != loop) {
                    return false;
                }
                unstarted.add(r);
                return true;
            });
            SINKS.remove(loop);
        }
        for (Record r : unstarted) {
            r.run();
        }
        return unstarted.size();
    }

    /** The creation stack, without the runtime's own frames above the woven factory. */
    private static Throwable creationTrace() {
        Throwable t = new Throwable("coroutine created here");
        StackTraceElement[] trace = t.getStackTrace();
        int skip = 0;
        while (skip < trace.length && trace[skip].getClassName().startsWith("dev.weft.internal.")) {
            skip++;
        }
        t.setStackTrace(Arrays.copyOfRange(trace, skip, trace.length));
        return t;
    }

    /** One watched frame; also the cleaner's action, so it must not reference the frame. */
    private static final class Record implements Runnable {
        private final String site;
        private final Object loop;
        private final Throwable createdAt;
        private final BiConsumer<String, Throwable> sink;
        private boolean settled;

        Record(String site, Object loop, Throwable createdAt, BiConsumer<String, Throwable> sink) {
            this.site = site;
            this.loop = loop;
            this.createdAt = createdAt;
            this.sink = sink;
        }

        /** Marks the record started or reported; whether it was not settled before. */
        synchronized boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }

        /** Reports the frame as never awaited, unless it started or was reported already. */
        @Override
        public void run() {
            if (!settle()) {
                return;
            }
            synchronized (RECORDS) {
                UNSETTLED.remove(this);
            }
            String message = "coroutine " + site + " was never awaited: "
                    + "await it, or pass it to Weft.createTask (created at the trace below)";
            if (sink != null) {
                sink.accept(message, createdAt);
            } else {
                LOG.log(System.Logger.Level.WARNING, message, createdAt);
            }
        }
    }

    /** The cleaner and its thread, made only when debug mode first records a frame. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
