package dev.weft.internal;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Debug mode's watch for coroutine objects that are never awaited (asyncio's "coroutine ... was
 * never awaited" warning), with the place each was created.
 *
 * <p>Implementation overview. Outside debug mode this costs one read of {@link #enabled} per
 * coroutine creation and start. While a debug-mode loop exists, a coroutine frame created on a
 * thread whose running loop is in debug mode gets a {@link Record}: its site and a stack trace of
 * its creation. Starting the frame (awaiting it, or making it a task's root) removes the record.
 * A frame can be found never started in two ways: when its loop closes ({@link #sweep}, which is
 * deterministic and what tests rely on), or when the frame becomes garbage first, through a
 * {@link Cleaner} — the one GC hook, used only in debug mode, because a frame nobody references
 * any more can never be awaited. Each record is reported at most once. Generator frames are not
 * watched: an unused generator is not a bug, as in Python.
 *
 * <p>The public methods are entry points for {@link Frame} and {@code dev.weft}; not API.
 *
 * <p>Threading: safe on any thread; the record map is guarded by its own monitor.
 */
public final class FrameTracking {
    private static final System.Logger LOG = System.getLogger("dev.weft");

    /** Whether any debug-mode loop exists; read on every coroutine creation and start. */
    static volatile boolean enabled;

    private static int debugLoops;
    private static Supplier<Object> currentDebugLoop = () -> null;
    private static final Map<Frame, Record> RECORDS = new WeakHashMap<>();

    private FrameTracking() {
    }

    /**
     * Starts watching for a debug-mode loop; called once per loop that enters debug mode.
     *
     * @param currentLoop answers the debug-mode loop running on the calling thread, or null
     */
    public static synchronized void enable(Supplier<Object> currentLoop) {
        currentDebugLoop = currentLoop;
        debugLoops++;
        enabled = true;
    }

    /** Stops watching for one debug-mode loop; tracking ends with the last one. */
    public static synchronized void disable() {
        if (debugLoops > 0 && --debugLoops == 0) {
            enabled = false;
        }
    }

    /** A coroutine frame was created; records it if a debug-mode loop runs on this thread. */
    static void created(Frame frame) {
        Object loop = currentDebugLoop.get();
        if (loop == null) {
            return;
        }
        Record record = new Record(frame.site(), loop, creationTrace());
        synchronized (RECORDS) {
            RECORDS.put(frame, record);
        }
        Holder.CLEANER.register(frame, record);
    }

    /** A frame started running: it was awaited or became a task's root. */
    static void started(Frame frame) {
        Record record;
        synchronized (RECORDS) {
            record = RECORDS.remove(frame);
        }
        if (record != null) {
            record.settle();
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
            RECORDS.entrySet().removeIf(e -> {
                if (e.getValue().loop != loop) {
                    return false;
                }
                if (e.getKey().isCreated()) {
                    unstarted.add(e.getValue());
                }
                return true;
            });
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
        private boolean settled;

        Record(String site, Object loop, Throwable createdAt) {
            this.site = site;
            this.loop = loop;
            this.createdAt = createdAt;
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
            if (settle()) {
                LOG.log(System.Logger.Level.WARNING, "coroutine " + site + " was never awaited: "
                        + "await it, or pass it to Weft.createTask (created at the trace below)", createdAt);
            }
        }
    }

    /** The cleaner and its thread, made only when debug mode first records a frame. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
