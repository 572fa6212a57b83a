package dev.weft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The open event loops of this JVM, for task dumps taken from outside ({@link TaskDumps}).
 *
 * <p>Loops are held weakly: a loop dropped without {@link EventLoop#close()} still goes away with
 * its last reference. The first loop also starts the JMX registration of {@link TaskDumps}, on a
 * daemon thread of its own so that creating a loop never waits for the platform MBean server.
 *
 * <p>Threading: any thread; guarded by the map's own monitor. A loop's creation and close each
 * cost one synchronised map update.
 */
final class LoopRegistry {
    private static final Map<EventLoop, Boolean> LOOPS = new WeakHashMap<>();
    private static boolean exported;

    private LoopRegistry() {
    }

    static void add(EventLoop loop) {
        boolean first;
        synchronized (LOOPS) {
            LOOPS.put(loop, Boolean.TRUE);
            first = !exported;
            exported = true;
        }
        if (first) {
            TaskDumps.exportLater();
        }
    }

    static void remove(EventLoop loop) {
        synchronized (LOOPS) {
            LOOPS.remove(loop);
        }
    }

    /** The loops open now, in no particular order. */
    static List<EventLoop> open() {
        synchronized (LOOPS) {
            return new ArrayList<>(LOOPS.keySet());
        }
    }
}
