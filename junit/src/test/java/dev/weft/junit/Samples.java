package dev.weft.junit;

import dev.weft.Coroutine;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.sync.Lock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sample test classes that {@link WeftTestEngineTest} runs through EngineTestKit, one per way a
 * test passes or fails. Nested, so Surefire (which excludes nested classes here) never runs them
 * by themselves.
 */
final class Samples {
    private Samples() {
    }

    /** Passes: an hour of virtual sleeps. */
    @WeftTest
    static class Passing {
        @AsyncTest
        @Async
        Coroutine<Void> sleepsAnHour(TestLoop t) {
            for (int i = 0; i < 60; i++) {
                Weft.await(Weft.sleep(Duration.ofMinutes(1)));
            }
            if (!t.currentTime().equals(Duration.ofHours(1))) {
                throw new AssertionError("virtual time is " + t.currentTime());
            }
            return Weft.done();
        }
    }

    /** The original exception of the coroutine fails the test, thrown after a resume. */
    @WeftTest
    static class Throwing {
        static final IllegalStateException ERROR = new IllegalStateException("boom after a sleep");

        @AsyncTest
        @Async
        Coroutine<Void> throwsAfterASleep() {
            Weft.await(Weft.sleep(10));
            throw ERROR;
        }
    }

    @Async
    static Coroutine<Void> forever(Future<Void> never) {
        Weft.await(never);
        return Weft.done();
    }

    /** Leaves a task waiting on a future nobody completes. */
    @WeftTest
    static class LeavesATask {
        @AsyncTest
        @Async
        Coroutine<Void> startsAndForgets() {
            Weft.createTask(forever(Weft.loop().createFuture()), "forgotten");
            Weft.await(Weft.sleep(0));
            return Weft.done();
        }
    }

    @Async
    static Coroutine<Void> fails() {
        throw new ArithmeticException("nobody reads this");
    }

    /** A task fails and nobody retrieves its exception. */
    @WeftTest
    static class UnretrievedError {
        @AsyncTest
        @Async
        Coroutine<Void> ignoresAFailedTask() {
            Weft.createTask(fails(), "failing");
            Weft.await(Weft.sleep(1));
            return Weft.done();
        }
    }

    @Async
    static Coroutine<Void> neverRun() {
        return Weft.done();
    }

    /** Creates a coroutine and never awaits it. */
    @WeftTest
    static class NeverAwaited {
        @AsyncTest
        @Async
        Coroutine<Void> forgetsToAwait() {
            neverRun(); // the forgotten Weft.await
            Weft.await(Weft.sleep(1));
            return Weft.done();
        }
    }

    /** Blocks its loop thread far beyond its timeout, holding a lock another task waits for. */
    @WeftTest(timeoutMillis = 1500)
    static class BlocksTheLoop {
        @Async
        static Coroutine<Void> waitForTheLock(Lock lock) {
            Weft.await(lock.acquire());
            lock.release();
            return Weft.done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> sleepsOnTheLoopThread() throws InterruptedException {
            Lock lock = new Lock();
            Weft.await(lock.acquire());
            Task<Void> waiter = Weft.createTask(waitForTheLock(lock), "lock-waiter");
            Weft.await(Weft.sleep(0));
            Thread.sleep(600_000); // the bug: a blocking call on the loop thread
            lock.release();
            Weft.await(waiter);
            return Weft.done();
        }
    }

    /** @AsyncTest methods without @WeftTest on their class still run. */
    static class WithoutWeftTest {
        @AsyncTest
        @Async
        Coroutine<Void> runsAnyway(TestLoop t) {
            Weft.await(Weft.sleep(Duration.ofDays(1)));
            return Weft.done();
        }

        @AsyncTest
        @Async
        Coroutine<Void> failsAnyway() {
            throw new UnsupportedOperationException("this ran");
        }
    }

    /** @BeforeEach and @AfterEach run around each async test, on fresh instances. */
    @WeftTest
    static class WithLifecycle {
        static final java.util.List<String> LOG = new java.util.ArrayList<>();
        private String state = "constructed";

        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            LOG.add("before: " + state);
            state = "set up";
        }

        @AsyncTest
        @Async
        Coroutine<Void> seesTheSetUp() {
            Weft.await(Weft.sleep(1));
            LOG.add("test: " + state);
            return Weft.done();
        }

        @org.junit.jupiter.api.AfterEach
        void tearDown() {
            LOG.add("after: " + state);
            throw new IllegalStateException("teardown failed");
        }
    }

    /** A Jupiter @Test returning a coroutine, which Jupiter would skip. */
    @WeftTest
    static class JupiterTestReturningACoroutine {
        @Test
        @Async
        Coroutine<Void> wouldBeSkipped() {
            return Weft.done();
        }
    }

    /** Shapes an @AsyncTest must not have. */
    @WeftTest
    static class BadShapes {
        @AsyncTest
        Coroutine<Void> notAsync() {
            return null;
        }

        @AsyncTest
        void returnsVoid() {
        }

        @AsyncTest
        @Async
        Coroutine<Void> takesAString(String s) {
            return Weft.done();
        }
    }
}
