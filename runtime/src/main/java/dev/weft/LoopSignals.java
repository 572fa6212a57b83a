package dev.weft;

import dev.weft.internal.Signals;
import java.util.HashMap;
import java.util.Map;

/**
 * One event loop's signal handlers ({@link EventLoop#addSignalHandler}): each maps a signal to a
 * {@link Runnable} that runs on the loop's thread, as asyncio's {@code add_signal_handler}
 * callbacks do.
 *
 * <p>The process-wide handler installed for a signal (see {@link Signals}) runs on the JVM's
 * signal thread and posts the loop's handler with {@link EventLoop#callSoonThreadsafe}; an
 * exception it throws is reported by the loop like any callback's. Replacing a handler keeps the
 * process-wide one and swaps the {@code Runnable}; removing it gives the signal back to the
 * handler it had before this loop took it. Signal handlers belong to the whole process: when two
 * loops handle the same signal, the later one receives it, until it removes its handler.
 *
 * <p>Threading: the loop's thread ({@link #removeAll} also from whatever thread closes the loop);
 * the map is guarded by this object's monitor because the signal thread reads it.
 */
final class LoopSignals {
    /** A signal this loop handles: its current callback and what to give the signal back to. */
    private static final class Entry {
        volatile Runnable callback;
        Signals.Installed installed;

        Entry(Runnable callback) {
            this.callback = callback;
        }
    }

    private final EventLoop loop;
    private final Map<String, Entry> entries = new HashMap<>();

    LoopSignals(EventLoop loop) {
        this.loop = loop;
    }

    synchronized void add(String name, Runnable callback) {
        String key = Signals.canonicalName(name);
        Entry e = entries.get(key);
        if (e != null) {
            e.callback = callback;
            return;
        }
        Entry entry = new Entry(callback);
        entry.installed = Signals.install(key, () -> deliver(entry));
        entries.put(key, entry);
    }

    /** On the JVM's signal thread: hands the callback to the loop. */
    private void deliver(Entry entry) {
        Runnable cb = entry.callback;
        try {
            loop.callSoonThreadsafe(cb);
        } catch (IllegalStateException closed) {
            // the loop closed between the signal and now; its handlers are being removed
        }
    }

    synchronized boolean remove(String name) {
        Entry e = entries.remove(Signals.canonicalName(name));
        if (e == null) {
            return false;
        }
        e.installed.restore();
        return true;
    }

    synchronized void removeAll() {
        for (Entry e : entries.values()) {
            e.installed.restore();
        }
        entries.clear();
    }
}
