package dev.weft.process;

import java.util.concurrent.TimeUnit;

/**
 * What a loop's close does for a child it started that has not finished: the child, if still
 * running, is killed with a warning (see {@link Subprocess} for why weft kills where asyncio
 * 3.13 leaves an orphan), and its pump threads are stopped and joined, two seconds in all.
 *
 * <p>A pump that does not end in time is blocked on a pipe that a process other than the child
 * still holds open (a grandchild that inherited it): it is a daemon, holds nothing of the loop,
 * and ends when that process closes the pipe; a second warning says so.
 *
 * <p>Stateless. Runs on the thread that closes the loop, which may not be the loop's.
 */
final class LoopCloseHook {
    private static final System.Logger LOG = System.getLogger("dev.weft.process");
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(2);

    private LoopCloseHook() {
    }

    /**
     * Kills {@code process} if it runs, stops and joins {@code pumps} (null entries are skipped).
     *
     * @param display the child as messages name it: {@code 'sleep 30' (pid 12)}
     * @return the child's return code if it has exited by now, else null
     */
    static Integer run(Process process, String display, PipePump... pumps) {
        if (process.isAlive()) {
            LOG.log(System.Logger.Level.WARNING, "subprocess " + display + " is still running at "
                    + "event loop close: killing it (await its waitFor() before the loop ends "
                    + "to avoid this)");
            process.toHandle().destroyForcibly();
        }
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (PipePump p : pumps) {
            if (p != null) {
                p.shutdown();
            }
        }
        try {
            for (PipePump p : pumps) {
                if (p != null && !p.join(millisLeft(deadline))) {
                    LOG.log(System.Logger.Level.WARNING, "a pipe thread of " + display + " is "
                            + "still blocked on " + p + ": another process holds the pipe open; "
                            + "the daemon thread ends when that process closes it");
                }
            }
            if (process.waitFor(millisLeft(deadline), TimeUnit.MILLISECONDS)) {
                return ChildSignals.returnCode(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the closing thread was interrupted: stop waiting
        }
        return null;
    }

    private static long millisLeft(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }
}
