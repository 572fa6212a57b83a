package dev.weft.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The weft engine run through EngineTestKit on {@link Samples}: how each kind of test ends. */
class WeftTestEngineTest {

    private static Events run(DiscoverySelector selector) {
        return EngineTestKit.engine(WeftTestEngine.ENGINE_ID).selectors(selector).execute().testEvents();
    }

    /** The one test of {@code sample}, which must have failed: its exception. */
    private static Throwable failureOf(Class<?> sample) {
        Events events = run(selectClass(sample));
        assertEquals(1, events.started().count(), "tests started");
        List<Event> failed = events.failed().list();
        assertEquals(1, failed.size(), "tests failed");
        return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Test
    void aPassingTest_sleepingAnHourOfVirtualTime_succeeds() {
        Events events = run(selectClass(Samples.Passing.class));
        assertEquals(1, events.succeeded().count());
        assertEquals(0, events.failed().count());
    }

    @Test
    void aThrowingCoroutine_failsTheTestWithItsOwnException() {
        assertSame(Samples.Throwing.ERROR, failureOf(Samples.Throwing.class));
    }

    @Test
    void aTaskLeftPending_failsTheTestWithTheTaskDump() {
        Throwable t = failureOf(Samples.LeavesATask.class);
        assertTrue(t instanceof AssertionError, t.toString());
        String m = t.getMessage();
        assertTrue(m.startsWith("dev.weft.junit.Samples$LeavesATask.startsAndForgets() returned leaving "
                + "1 task pending: await each task it starts"), m);
        assertTrue(m.contains("\"forgotten\" waiting on future <Future pending>\n"
                + "    at dev.weft.junit.Samples.forever(Samples.java:"), m);
    }

    @Test
    void aFailedTaskNobodyRetrieved_failsTheTestWithItsException() {
        Throwable t = failureOf(Samples.UnretrievedError.class);
        assertTrue(t.getMessage().startsWith("dev.weft.junit.Samples$UnretrievedError.ignoresAFailedTask(): "
                + "the loop reported an exception nobody handled: "), t.getMessage());
        assertTrue(t.getMessage().contains("never retrieved"), t.getMessage());
        assertTrue(t.getMessage().contains("'failing'"), t.getMessage());
        assertTrue(t.getCause() instanceof ArithmeticException, String.valueOf(t.getCause()));
    }

    @Test
    void aCoroutineNeverAwaited_failsTheTestNamingItAndWhereItWasCreated() {
        Throwable t = failureOf(Samples.NeverAwaited.class);
        String m = t.getMessage();
        assertTrue(m.startsWith("dev.weft.junit.Samples$NeverAwaited.forgetsToAwait(): coroutine "
                + "dev.weft.junit.Samples.neverRun(Samples.java:"), m);
        assertTrue(m.contains(" was never awaited: await it, or pass it to Weft.createTask; it was "
                + "created at dev.weft.junit.Samples$NeverAwaited.forgetsToAwait(Samples.java:"), m);
    }

    @Test
    void aTestBlockingItsLoopThread_failsAtItsTimeoutWithTheTaskDump() {
        // The blocking-call watchdog reports the sleep too, on the dev.weft logger: captured and
        // checked here rather than printed into the build's output.
        Logger weftLogger = Logger.getLogger("dev.weft");
        List<String> reports = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                reports.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        weftLogger.addHandler(capture);
        weftLogger.setUseParentHandlers(false);
        Throwable t;
        try {
            t = failureOf(Samples.BlocksTheLoop.class);
        } finally {
            weftLogger.removeHandler(capture);
            weftLogger.setUseParentHandlers(true);
        }
        assertTrue(reports.stream().anyMatch(r -> r.startsWith("WARNING Executing <Task pending "
                + "name='sleepsOnTheLoopThread'") && r.contains("has blocked the event loop thread")),
                reports.toString());
        String m = t.getMessage();
        assertTrue(m.startsWith("dev.weft.junit.Samples$BlocksTheLoop.sleepsOnTheLoopThread() timed out "
                + "after 1500 ms of real time: its loop thread is blocked"), m);
        assertTrue(m.contains("\"lock-waiter\" waiting on Lock.acquire() on <Lock [locked, waiters:1]>\n"
                + "    at dev.weft.junit.Samples$BlocksTheLoop.waitForTheLock(Samples.java:"), m);
        assertTrue(m.contains("\"sleepsOnTheLoopThread\" running\n"), m);
        assertTrue(m.contains("    at dev.weft.junit.Samples$BlocksTheLoop.sleepsOnTheLoopThread(Samples.java:"), m);
    }

    @Test
    void aJupiterTestReturningACoroutine_isNotSkippedButFails() {
        Throwable t = failureOf(Samples.JupiterTestReturningACoroutine.class);
        assertEquals("@Test method dev.weft.junit.Samples$JupiterTestReturningACoroutine.wouldBeSkipped() "
                + "returns a Coroutine, which JUnit Jupiter would never run: annotate it @AsyncTest "
                + "instead of @Test", t.getMessage());
    }

    @Test
    void asyncTestsOfTheWrongShape_failWithWhatToChange() {
        Events events = run(selectClass(Samples.BadShapes.class));
        assertEquals(3, events.failed().count());
        List<String> messages = events.failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage())
                .sorted().collect(Collectors.toList());
        String c = "dev.weft.junit.Samples$BadShapes.";
        assertEquals(List.of(
                "@AsyncTest method " + c + "notAsync() is not @Async: add @Async so the weft agent weaves it into a coroutine",
                "@AsyncTest method " + c + "returnsVoid() returns void: it must be an @Async method returning Coroutine<?>",
                "@AsyncTest method " + c + "takesAString() takes (java.lang.String): it may take no parameter or one TestLoop"),
                messages);
    }

    @Test
    void asyncTestsInAClassWithoutWeftTest_runAllTheSame() {
        Events events = run(selectClass(Samples.WithoutWeftTest.class));
        assertEquals(1, events.succeeded().count());
        assertEquals(1, events.failed().count());
        assertTrue(events.failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow() instanceof UnsupportedOperationException);
    }

    @Test
    void beforeEachAndAfterEach_runAroundTheTest_andAFailingAfterEachFailsIt() {
        Samples.WithLifecycle.LOG.clear();
        Throwable t = failureOf(Samples.WithLifecycle.class);
        assertEquals("teardown failed", t.getMessage());
        assertEquals(List.of("before: constructed", "test: set up", "after: set up"), Samples.WithLifecycle.LOG);
    }

    @Test
    void aSingleMethod_canBeSelected_asAnIdeRunsOneTest() {
        Events events = run(selectMethod(Samples.Passing.class, "sleepsAnHour",
                TestLoop.class.getName()));
        assertEquals(1, events.succeeded().count());
    }

    @Test
    void aUniqueId_selectsItsTest_asAnIdeReRunsOne() {
        String id = "[engine:weft]/[class:" + Samples.Passing.class.getName() + "]/[method:sleepsAnHour("
                + TestLoop.class.getName() + ")]";
        Events events = run(selectUniqueId(id));
        assertEquals(1, events.succeeded().count());
        assertEquals(id, events.succeeded().list().get(0).getTestDescriptor().getUniqueId().toString());
        assertEquals(0, run(selectUniqueId("[engine:junit-jupiter]/[class:" + Samples.Passing.class.getName()
                + "]")).started().count(), "another engine's id is not ours");
    }
}
