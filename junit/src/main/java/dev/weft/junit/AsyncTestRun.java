package dev.weft.junit;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.TaskDump;
import dev.weft.internal.FrameTracking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * One run of one {@link AsyncTest}: a fresh loop on a thread of its own, the test's coroutine as
 * its main task, then the checks that make a test fail although its coroutine returned.
 *
 * <p>Threading: {@link #run()} on the launcher's thread; everything else on the runner thread.
 */
final class AsyncTestRun {
    /*
     * Implementation overview. The runner thread creates the loop (on Clock.virtual()
     * unless RealTime), turns on debug mode so that coroutines never awaited are tracked,
     * sends those reports (FrameTracking.redirect) and every exception the loop would have
     * printed (EventLoop.setExceptionHandler) into the run's problem list, calls the test
     * method (after the instance's @BeforeEach methods, see Lifecycle) and runs its
     * coroutine until it completes. It then takes a task dump: any task left is a
     * problem, and is cancelled and run to its end so it cannot leak into the next test. Closing the
     * loop sweeps the never-awaited coroutines; the @AfterEach methods run last. The launcher's thread waits for the runner with the
     * test's timeout; if it is still running by then, the loop thread is blocked or the test waits
     * for ever, and the test fails with a dump read from outside (which shows the loop thread's stack
     * for the task that blocks it). The runner is then interrupted and left behind as a daemon.
     */

    private final AsyncTestDescriptor test;
    private final long timeoutMillis;
    private final String name;
    /** Set by the runner as soon as the loop exists, read by the launcher's thread on timeout. */
    private volatile EventLoop loop;
    /** The coroutine's own exception; read after the runner thread ended. */
    private Throwable failure;
    /** The test instance, null for a static test method or before it is made. */
    private Object instance;
    /** Everything else that fails the test; the cleaner thread may add never-awaited reports. */
    private final List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());

    AsyncTestRun(AsyncTestDescriptor test, long timeoutMillis) {
        this.test = test;
        this.timeoutMillis = timeoutMillis;
        this.name = test.testClass().getName() + "." + test.method().getName() + "()";
    }

    /** Runs the test; returns normally if it passed, else throws what fails it. */
    void run() throws Throwable {
        Thread runner = new Thread(this::runOnLoop, "weft-test " + name);
        runner.setDaemon(true);
        runner.start();
        runner.join(timeoutMillis);
        if (runner.isAlive()) {
            EventLoop l = loop;
            String dump = l == null ? "(no loop yet)\n" : TaskDump.text(l);
            runner.interrupt();
            throw new AssertionError(name + " timed out after " + timeoutMillis + " ms of real time: "
                    + "its loop thread is blocked (a blocking call in a coroutine?) or it waits for "
                    + "something that never comes. Task dump of its loop:\n" + dump);
        }
        throwIfFailed();
    }

    private void runOnLoop() {
        boolean virtual = !isRealTime();
        EventLoop l = EventLoop.create(virtual ? Clock.virtual() : Clock.system());
        loop = l;
        l.setExceptionHandler((context, t) -> problems.add(new AssertionError(name + ": the loop "
                + "reported an exception nobody handled: " + context + ": " + t, t)));
        l.setDebug(true);
        FrameTracking.redirect(l, (message, createdAt) -> problems.add(neverAwaited(message, createdAt)));
        try {
            Coroutine<?> coro = start(new TestLoop(l, virtual));
            try {
                l.runUntilComplete(l.createTask(coro, test.method().getName()));
            } catch (Throwable t) {
                failure = t;
            }
            LeftoverTasks.failAndCancel(l, name, problems);
        } catch (Throwable t) {
            failure = t;
        } finally {
            l.close(); // reports the coroutines never awaited
            if (instance != null) {
                Lifecycle.afterEach(instance, problems);
            }
        }
    }

    private boolean isRealTime() {
        return test.method().isAnnotationPresent(RealTime.class)
                || test.testClass().isAnnotationPresent(RealTime.class);
    }

    /** Calls the test method, which makes its coroutine (and runs none of its body). */
    private Coroutine<?> start(TestLoop testLoop) throws Throwable {
        Method m = test.method();
        if (!Modifier.isStatic(m.getModifiers())) {
            instance = ReflectionSupport.newInstance(test.testClass());
            Lifecycle.beforeEach(instance);
        }
        Object[] args = test.wantsTestLoop() ? new Object[] {testLoop} : new Object[0];
        Object coro;
        try {
            m.setAccessible(true);
            coro = m.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (coro == null) {
            throw new IllegalStateException(name + " returned null instead of a coroutine: it was "
                    + "not woven; run the tests with -javaagent:weft-agent.jar");
        }
        return (Coroutine<?>) coro;
    }

    private AssertionError neverAwaited(String message, Throwable createdAt) {
        // The trace starts in the coroutine's own factory (the woven method itself): its caller
        // is the line that made the coroutine.
        StackTraceElement[] at = createdAt.getStackTrace();
        String where = at.length < 2 ? "" : " at " + at[1];
        return new AssertionError(name + ": " + message.replace(" (created at the trace below)", "")
                + "; it was created" + where, createdAt);
    }

    private void throwIfFailed() throws Throwable {
        List<Throwable> found;
        synchronized (problems) {
            found = new ArrayList<>(problems);
        }
        if (failure != null) {
            found.forEach(failure::addSuppressed);
            throw failure;
        }
        if (found.size() == 1) {
            throw found.get(0);
        }
        if (!found.isEmpty()) {
            StringBuilder message = new StringBuilder(name + " failed in " + found.size() + " ways:");
            for (Throwable p : found) {
                message.append("\n- ").append(p.getMessage());
            }
            AssertionError all = new AssertionError(message.toString());
            found.forEach(all::addSuppressed);
            throw all;
        }
    }
}
