package dev.weft.junit;

import dev.weft.EventLoop;
import dev.weft.Future;
import dev.weft.Task;
import dev.weft.TaskDump;
import dev.weft.TaskInfo;
import dev.weft.Weft;
import java.util.List;

/**
 * The tasks a test left pending when its coroutine completed: reported with their task dump,
 * then cancelled and run to their end, so that nothing of one test runs on into the next and the
 * loop closes with no task alive.
 *
 * <p>Threading: the test loop's thread, with the loop not running. Stateless.
 */
final class LeftoverTasks {
    private LeftoverTasks() {
    }

    static void failAndCancel(EventLoop loop, String test, List<Throwable> problems) {
        List<TaskInfo> left = TaskDump.snapshot(loop);
        if (left.isEmpty()) {
            return;
        }
        problems.add(new AssertionError(test + " returned leaving " + left.size()
                + (left.size() == 1 ? " task" : " tasks") + " pending: await each task it starts "
                + "(or cancel it and await its end) before the test returns. They were cancelled "
                + "after the test.\n" + TaskDump.text(loop)));
        Future<Void> allDone = loop.createFuture();
        loop.callSoon(() -> cancelAll(allDone));
        loop.runUntilComplete(allDone);
    }

    /** On the running loop: cancels every pending task; {@code allDone} completes after them. */
    private static void cancelAll(Future<Void> allDone) {
        List<Task<?>> tasks = Weft.allTasks();
        int[] pending = {tasks.size()};
        if (tasks.isEmpty()) {
            allDone.setResult(null);
            return;
        }
        for (Task<?> t : tasks) {
            t.cancel("the test returned with this task pending");
            t.addDoneCallback(f -> {
                if (--pending[0] == 0) {
                    allDone.setResult(null);
                }
            });
        }
    }
}
