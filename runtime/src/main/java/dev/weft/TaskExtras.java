package dev.weft;

/**
 * What a {@link Task} holds only sometimes: a name given to it, a cancellation's count and
 * message, and a {@link ContextVar} context of its own. Allocated on first need, so that a plain
 * task — unnamed, never cancelled, running in the loop's empty context, as the million sleepers
 * of the heap probe are — holds one null reference instead of these four fields (12 bytes less
 * a task).
 *
 * <p>Threading: confined to the task's loop thread, except {@link #name}, which a task dump may
 * read racily from another thread (a stale name is harmless there).
 */
final class TaskExtras {
    /** The name given at creation or by {@link Task#setName}; null means {@code Task-<id>}. */
    String name;
    /** The message of the latest cancellation request; may be null. */
    String cancelMessage;
    /**
     * The number of pending cancellation requests (asyncio's {@code cancelling()}), with
     * {@link Task}'s {@code MUST_CANCEL} bit set while a cancellation waits to be delivered.
     */
    int cancelState;
    /** The {@link ContextVar} values the task runs with; never null. */
    Context context = Context.EMPTY;
}
