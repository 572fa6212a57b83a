package dev.weft;

/**
 * How an event loop makes the tasks of {@link EventLoop#createTask} (asyncio's task factory):
 * {@link #DEFAULT} schedules a new task's first step for the next loop iteration;
 * {@link #EAGER} (asyncio 3.12's {@code eager_task_factory}) runs it at once.
 *
 * <p>Set with {@link EventLoop#setTaskFactory}. A factory of one's own can wrap these two, to
 * name or count tasks, for example:
 * {@code loop.setTaskFactory(new TaskFactory() { public <T> Task<T> create(EventLoop l, Coroutine<T> c, String n) { created++; return TaskFactory.EAGER.create(l, c, n); } })}.
 *
 * <p>Threading: called on the loop's thread, by {@code createTask}.
 */
public interface TaskFactory {
    /**
     * Makes a task of {@code coro} on {@code loop}.
     *
     * @param name the task's name, or null for {@code Task-N}
     */
    <T> Task<T> create(EventLoop loop, Coroutine<T> coro, String name);

    /** The task starts on the next iteration, after the callbacks already scheduled: asyncio's default. */
    TaskFactory DEFAULT = new TaskFactory() {
        @Override
        public <T> Task<T> create(EventLoop loop, Coroutine<T> coro, String name) {
            return new Task<>(loop, coro, name);
        }

        @Override
        public String toString() {
            return "TaskFactory.DEFAULT";
        }
    };

    /**
     * The task's first step runs inside {@code createTask}, as with asyncio 3.12's
     * {@code eager_task_factory}: the coroutine runs up to its first await that suspends, as the
     * current task ({@link Weft#currentTask()} is the new task, and it is among
     * {@link Weft#allTasks()}), with the creator suspended in {@code createTask} meanwhile. A
     * coroutine that ends without suspending gives a task that is already done, with its result
     * or exception, and no loop iteration was spent on it; one that suspends goes on as any task.
     * On a loop that is not running (a task created before {@code runUntilComplete}, such as
     * {@code Weft.run}'s main task), the task is scheduled as with {@link #DEFAULT}.
     *
     * <p>Unlike CPython 3.13, where a name given to {@code create_task} is set only after the
     * eager step (the step sees {@code Task-N}), the task has its name during its first step.
     */
    TaskFactory EAGER = new TaskFactory() {
        @Override
        public <T> Task<T> create(EventLoop loop, Coroutine<T> coro, String name) {
            if (!loop.isRunning()) {
                return new Task<>(loop, coro, name);
            }
            return Task.startEagerly(loop, coro, name);
        }

        @Override
        public String toString() {
            return "TaskFactory.EAGER";
        }
    };
}
