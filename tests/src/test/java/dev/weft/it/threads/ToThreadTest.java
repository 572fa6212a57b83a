package dev.weft.it.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.CancelledError;
import dev.weft.ContextVar;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.OnCancel;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.it.support.VirtualLoop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.toThread} and {@code EventLoop.runInExecutor}: results in order, context
 * variables, exceptions, cancellation before and while a job runs.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ToThreadTest {
    static final ContextVar<String> REQUEST = new ContextVar<>("request", "none");

    @Async
    static Coroutine<List<Integer>> thousandJobs() {
        List<Future<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            jobs.add(Weft.toThread(() -> {
                Thread.sleep(n % 3); // finish out of order
                return n * 2;
            }));
        }
        return Weft.done(Weft.await(Weft.gather(jobs)));
    }

    @Test
    void toThread_thousandConcurrentJobsGathered_resultsInArgumentOrder() {
        List<Integer> results = new VirtualLoop().runWithoutReports(ToThreadTest::thousandJobs);

        assertEquals(1000, results.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals(i * 2, results.get(i));
        }
    }

    @Async
    static Coroutine<String> contextSeenByJobs() {
        REQUEST.set("r-42");
        String inToThread = Weft.await(Weft.toThread(REQUEST::get));
        String inExecutor = Weft.await(Weft.loop().runInExecutor(null, REQUEST::get));
        String setInJob = Weft.await(Weft.toThread(() -> {
            REQUEST.set("changed in the job");
            return REQUEST.get();
        }));
        return Weft.done(inToThread + " " + inExecutor + " | " + setInJob + " | " + REQUEST.get());
    }

    @Test
    void toThread_contextVariableSet_visibleInToThreadNotInRunInExecutorAndJobsSetsStayInTheJob() {
        assertEquals("r-42 none | changed in the job | r-42",
                new VirtualLoop().runWithoutReports(ToThreadTest::contextSeenByJobs));
    }

    @Async
    static Coroutine<Throwable> awaitFailingJob(Exception thrown) {
        try {
            Weft.await(Weft.toThread(() -> {
                throw thrown;
            }));
            return Weft.done(null);
        } catch (Exception e) {
            return Weft.done(e);
        }
    }

    @Test
    void toThread_jobThrowsCheckedException_theSameExceptionArrivesUnwrappedAtTheAwait() {
        IOException thrown = new IOException("disk gone");

        assertSame(thrown, new VirtualLoop().runWithoutReports(() -> awaitFailingJob(thrown)));
    }

    @Async
    static Coroutine<String> cancelQueuedJob(ExecutorService oneThread, CountDownLatch release,
            AtomicBoolean secondRan) {
        Weft.loop().setDefaultExecutor(oneThread);
        Future<String> first = Weft.toThread(() -> {
            release.await(30, TimeUnit.SECONDS);
            return "first";
        });
        Task<String> waiter = Weft.createTask(awaitJob(Weft.toThread(() -> {
            secondRan.set(true);
            return "second";
        })));
        Weft.await(Weft.sleep(0)); // the waiter now awaits the queued second job
        waiter.cancel();
        String outcome;
        try {
            outcome = Weft.await(waiter);
        } catch (CancelledError e) {
            outcome = "waiter cancelled";
        }
        release.countDown();
        return Weft.done(outcome + ", " + Weft.await(first));
    }

    @Async
    static Coroutine<String> awaitJob(Future<String> job) {
        return Weft.done(Weft.await(job));
    }

    @Test
    void cancel_ofTaskAwaitingAJobNotStarted_theJobNeverRuns() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        AtomicBoolean secondRan = new AtomicBoolean();
        try {
            assertEquals("waiter cancelled, first", new VirtualLoop().runWithoutReports(
                    () -> cancelQueuedJob(oneThread, new CountDownLatch(1), secondRan)));
        } finally {
            oneThread.shutdown();
            assertTrue(oneThread.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertFalse(secondRan.get(), "a job cancelled before it started ran");
    }

    @Async
    static Coroutine<String> cancelRunningJob(OnCancel onCancel, CountDownLatch started,
            CountDownLatch release, AtomicReference<String> jobSaw) {
        Future<String> job = Weft.toThread(() -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
                jobSaw.set("ran to its end");
            } catch (InterruptedException e) {
                jobSaw.set("interrupted");
            }
            return "value";
        }, onCancel);
        Task<String> waiter = Weft.createTask(awaitJob(job));
        Weft.await(Weft.toThread(() -> started.await(30, TimeUnit.SECONDS)));
        waiter.cancel();
        try {
            Weft.await(waiter);
            return Weft.done("not cancelled");
        } catch (CancelledError e) {
            return Weft.done("cancelled=" + job.cancelled());
        }
    }

    @Test
    void cancel_ofTaskAwaitingARunningJob_cancelledAtOnceAndTheJobIsLeftRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> jobSaw = new AtomicReference<>();
        assertEquals("cancelled=true", new VirtualLoop().runWithoutReports(() -> cancelRunningJob(
                OnCancel.LEAVE_RUNNING, new CountDownLatch(1), release, jobSaw)));

        assertEquals(null, jobSaw.get(), "the job was not interrupted: it still waits");
        release.countDown();
        awaitValue(jobSaw);
        assertEquals("ran to its end", jobSaw.get());
    }

    private static void awaitValue(AtomicReference<String> ref) throws InterruptedException {
        for (int i = 0; i < 3000 && ref.get() == null; i++) {
            Thread.sleep(10);
        }
    }

    @Test
    void cancel_withOnCancelInterrupt_interruptsTheRunningJob() throws Exception {
        AtomicReference<String> jobSaw = new AtomicReference<>();
        assertEquals("cancelled=true", new VirtualLoop().runWithoutReports(() -> cancelRunningJob(
                OnCancel.INTERRUPT, new CountDownLatch(1), new CountDownLatch(1), jobSaw)));
        awaitValue(jobSaw);
        assertEquals("interrupted", jobSaw.get());
    }

    @Async
    static Coroutine<String> threadOfJob() {
        return Weft.done(Weft.await(Weft.toThread(() -> {
            Thread t = Thread.currentThread();
            return t.getName().replaceAll("\\d+$", "N") + " daemon=" + t.isDaemon();
        })));
    }

    @Test
    void toThread_defaultExecutor_daemonThreadsNamedWeftExecutorN() {
        assertEquals("weft-executor-N daemon=true", Weft.run(threadOfJob()));
    }

    @Test
    void toThread_virtualThreadsAsked_virtualOnJdk21ElseAClearError() {
        System.setProperty("weft.executor", "virtual");
        try {
            if (Runtime.version().feature() >= 21) {
                assertEquals("weft-executor-virtual-N daemon=true", Weft.run(threadOfJob()));
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(threadOfJob()));
                assertTrue(e.getMessage().contains("JDK 21"), e.getMessage());
            }
        } finally {
            System.clearProperty("weft.executor");
        }
    }

    @Async
    static Coroutine<Void> leaveJobRunning(CountDownLatch release, List<String> reports) {
        Weft.loop().setExceptionHandler((context, t) -> reports.add(context + " | " + t.getMessage()));
        Weft.toThread(new Callable<String>() {
            @Override
            public String call() throws Exception {
                release.await(30, TimeUnit.SECONDS);
                return "late";
            }

            @Override
            public String toString() {
                return "StuckJob";
            }
        });
        return Weft.done();
    }

    @Test
    void run_jobStillRunningAfterTheShutdownTimeout_reportedByNameThreadAndLine() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> reports = new ArrayList<>();
        System.setProperty("weft.executor.shutdownTimeoutMillis", "200");
        try {
            Weft.run(leaveJobRunning(release, reports));
        } finally {
            System.clearProperty("weft.executor.shutdownTimeoutMillis");
            release.countDown();
        }
        assertEquals(1, reports.size(), reports::toString);
        String report = reports.get(0);
        assertTrue(report.contains("did not finish within 200 ms"), report);
        assertTrue(report.contains("job StuckJob on thread 'weft-executor-"), report);
        assertTrue(report.contains("ToThreadTest$"), report); // the line the job is blocked at
    }

    @Async
    static Coroutine<String> jobFinishingDuringShutdown(CountDownLatch release, AtomicBoolean finished) {
        Weft.toThread(() -> {
            release.await(30, TimeUnit.SECONDS);
            Thread.sleep(100); // still running when the main task returns
            finished.set(true);
            return null;
        });
        release.countDown();
        return Weft.done("returned");
    }

    @Test
    void run_jobStillRunningWhenMainReturns_runWaitsForItBeforeReturning() {
        AtomicBoolean finished = new AtomicBoolean();

        assertEquals("returned", Weft.run(jobFinishingDuringShutdown(new CountDownLatch(1), finished)));

        assertTrue(finished.get(), "Weft.run returned before the default executor's job finished");
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Async
    static Coroutine<String> badInput() {
        List<String> seen = new ArrayList<>();
        try {
            Weft.toThread(null);
        } catch (NullPointerException e) {
            seen.add("null job: " + e.getMessage());
        }
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        try {
            Weft.loop().runInExecutor(closed, () -> "never");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            seen.add("rejected: " + e.getMessage().startsWith("the executor ")
                    + e.getMessage().contains("rejected the job"));
        }
        Weft.await(Weft.loop().shutdownDefaultExecutor(java.time.Duration.ofSeconds(10)));
        try {
            Weft.toThread(() -> "never");
        } catch (IllegalStateException e) {
            seen.add("after shutdown: " + e.getMessage().contains("was shut down"));
        }
        seen.add("the loop goes on: " + Weft.await(Weft.loop().runInExecutor(Runnable::run, () -> "yes")));
        return Weft.done(String.join("; ", seen));
    }

    @Test
    void toThread_badInput_documentedExceptionsAndTheLoopGoesOn() {
        assertEquals("null job: job: pass the Callable to run on the executor's thread; rejected: truetrue; "
                + "after shutdown: true; the loop goes on: yes",
                new VirtualLoop().runWithoutReports(ToThreadTest::badInput));
    }

    @Test
    void runInExecutor_closedLoop_illegalStateException() {
        EventLoop loop = EventLoop.create();
        loop.close();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> loop.runInExecutor(null, () -> "x"));
        assertEquals("event loop is closed", e.getMessage());
    }

    @Test
    void toThread_noLoopRunning_illegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.toThread(() -> "x"));
        assertTrue(e.getMessage().startsWith("no running event loop"), e.getMessage());
    }
}
