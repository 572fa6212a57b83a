package dev.weft.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes an event loop's default executor, the pool that {@link Weft#toThread} and
 * {@code runInExecutor(null, job)} run their jobs on (asyncio's default
 * {@code ThreadPoolExecutor}).
 *
 * <p>What it makes, read from system properties each time a loop first needs one:
 * <ul>
 * <li>By default a pool of at most {@code weft.executor.threads} daemon platform threads (default
 *     {@code min(32, cores + 4)}, asyncio's choice: enough for blocking I/O, bounded so a burst
 *     of jobs cannot start thousands of threads), named {@code weft-executor-N} (N counts over
 *     the whole process). Jobs beyond that wait in an unbounded FIFO queue. A thread idle for
 *     {@value #KEEP_ALIVE_SECONDS} seconds ends, so an idle loop holds no threads.</li>
 * <li>With {@code weft.executor=virtual}, on JDK 21 or later, a new virtual thread per job
 *     (named {@code weft-executor-virtual-N}), unbounded: for many jobs that mostly wait. It is
 *     made by reflection because weft is compiled for Java 17.</li>
 * </ul>
 * Threads are daemons so that a job still blocked when the program ends does not keep the JVM
 * alive; {@code Weft.run} still waits a bounded time for running jobs before it returns.
 *
 * <p>Stateless but for the thread counter; safe on any thread.
 *
 * <p>Not API: public only because the core package {@code dev.weft} uses it from another
 * package; it depends on nothing of weft's.
 */
public final class DefaultExecutor {
    /** The system property that chooses the kind of threads: {@code platform} (default) or {@code virtual}. */
    public static final String KIND_PROPERTY = "weft.executor";
    /** The system property that bounds the platform pool. */
    public static final String THREADS_PROPERTY = "weft.executor.threads";
    public static final long KEEP_ALIVE_SECONDS = 60;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private DefaultExecutor() {
    }

    /**
     * A new default executor as the system properties say.
     *
     * @throws IllegalStateException if the properties ask for what this JVM cannot give
     */
    public static ExecutorService create() {
        String kind = System.getProperty(KIND_PROPERTY, "platform");
        switch (kind) {
            case "platform":
                return platformPool(poolSize());
            case "virtual":
                return virtualThreads();
            default:
                throw new IllegalStateException("-D" + KIND_PROPERTY + "=" + kind + " is not a kind of "
                        + "executor: use 'platform' (the default) or 'virtual' (JDK 21+)");
        }
    }

    /** The platform pool's size: {@code weft.executor.threads}, else {@code min(32, cores + 4)}. */
    public static int poolSize() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null) {
            return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("-D" + THREADS_PROPERTY + "=" + value
                + " is not a thread count: give a positive integer");
    }

    private static ExecutorService platformPool(int size) {
        ThreadFactory daemons = job -> {
            Thread t = new Thread(job, "weft-executor-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(...).factory())}, by reflection. */
    private static ExecutorService virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class, long.class)
                    .invoke(builder, "weft-executor-virtual-", 1L);
            ThreadFactory factory = (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
            Method perTask = java.util.concurrent.Executors.class
                    .getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, factory);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("-D" + KIND_PROPERTY + "=virtual needs virtual threads "
                    + "(JDK 21 or later); this JVM is " + System.getProperty("java.version")
                    + ": remove the property or run on a newer JDK", e);
        }
    }
}
