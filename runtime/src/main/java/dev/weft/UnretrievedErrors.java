package dev.weft;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports the exceptions of failed tasks that nobody retrieved: asyncio's "Task exception was
 * never retrieved", without its false reports.
 *
 * <p>The rule: a task that finishes with an exception other than {@link CancelledError}, while
 * nobody has yet retrieved its outcome, is watched. Retrieving it at any time later — awaiting
 * the task, or calling its {@code result()} or {@code exception()}, on any thread — withdraws
 * the report for good. The exception goes to the loop's exception handler
 * ({@link EventLoop#setExceptionHandler}), once, only if it was never retrieved when either
 * <ul>
 * <li>the task became unreachable (it was garbage collected: nobody can retrieve it any more),
 *     reported on the loop's thread soon after the collection; or</li>
 * <li>the loop is closed with the task still unread (reported by {@link EventLoop#close()}, on
 *     the closing thread, since a task alive then will never be awaited on this loop).</li>
 * </ul>
 * A done callback alone does not retrieve the exception, as in asyncio; one that reads it does.
 * So create-now-await-later, the most common pattern, is never reported.
 *
 * <p>Threading: {@link #watch} on the loop's thread; {@link Token#read} on any thread;
 * {@link #reportAtClose} on the thread closing the loop.
 */
final class UnretrievedErrors {
    /*
     * Implementation overview. The task holds a small Token, and a Cleaner watches
     * the token rather than the task: the token is reachable exactly as long as the task, and the
     * cleaning action (Report) holds the exception, the task's description and a weak
     * reference to the task, never the task itself, so watching does not keep the task alive. The
     * action hands the report to the loop with EventLoop.callSoonThreadsafe. A report's
     * state (unread, read, reported) changes by compare-and-set, so a read racing the collector or
     * the close cannot produce a report for a retrieved exception, nor two reports. Reading cleans
     * the report at once, which unregisters it from the cleaner. Nothing is allocated until a task
     * fails with nobody retrieving its outcome.
     */

    private static final int UNREAD = 0;
    private static final int READ = 1;
    private static final int REPORTED = 2;
    private static final String MESSAGE = "Task exception was never retrieved";

    /** One cleaner thread for every loop, started on the first unretrieved failure. */
    private static final class Shared {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final EventLoop loop;
    /** The reports that may still be made; a report leaves when it is read or made. */
    private final Set<Report> pending = ConcurrentHashMap.newKeySet();

    UnretrievedErrors(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Watches {@code task}, which just failed with {@code error} and nobody retrieving it; the
     * task keeps the returned token until its outcome is retrieved.
     */
    Token watch(Task<?> task, Throwable error) {
        Report report = new Report(this, error, MESSAGE + ": " + task, new WeakReference<>(task));
        Token token = new Token(report);
        pending.add(report);
        report.cleanable = Shared.CLEANER.register(token, report);
        return token;
    }

    /** The loop is closing: reports every exception still unread, then forgets them all. */
    void reportAtClose() {
        for (Report report : new ArrayList<>(pending)) {
            Task<?> task = report.task.get();
            report.reportIfUnread(task); // the task is still reachable, if it is there at all
            report.cleanable.clean(); // unregisters: the cleaner no longer holds this loop
        }
    }

    /**
     * What a failed, unread task holds: reachable exactly as long as the task. Once the task is
     * collected, the cleaner runs the report.
     */
    static final class Token {
        private final Report report;

        Token(Report report) {
            this.report = report;
        }

        /** The task's outcome was retrieved: there will be no report. Any thread. */
        void read() {
            report.read();
        }
    }

    /** The cleaning action of one token: reports its exception unless it was read first. */
    private static final class Report implements Runnable {
        private final UnretrievedErrors owner;
        private final Throwable error;
        private final String description;
        private final WeakReference<Task<?>> task;
        private final AtomicInteger state = new AtomicInteger(UNREAD);
        Cleaner.Cleanable cleanable;

        Report(UnretrievedErrors owner, Throwable error, String description, WeakReference<Task<?>> task) {
            this.owner = owner;
            this.error = error;
            this.description = description;
            this.task = task;
        }

        void read() {
            if (state.compareAndSet(UNREAD, READ)) {
                owner.pending.remove(this);
                cleanable.clean(); // runs run() at once, which finds the report read
            }
        }

        /** The cleaner's call once the token is unreachable (or a {@code clean()}). */
        @Override
        public void run() {
            if (state.get() != UNREAD) {
                return;
            }
            try {
                owner.loop.callSoonThreadsafe(() -> reportIfUnread(null));
            } catch (IllegalStateException closed) {
                // The loop is closed: its close reported every exception still unread.
            }
        }

        void reportIfUnread(Task<?> source) {
            if (state.compareAndSet(UNREAD, REPORTED)) {
                owner.pending.remove(this);
                owner.loop.reportException(description, error, source);
            }
        }
    }
}
