package dev.weft;

import java.util.Objects;
import java.util.Optional;

/**
 * What a loop's exception handler is told about an error nobody else could handle: asyncio's
 * exception handler {@code context} dictionary, as a record.
 *
 * <p>{@link #message()} says what happened and where (the same text the
 * {@code BiConsumer<String, Throwable>} form of {@link EventLoop#setExceptionHandler} receives);
 * {@link #exception()} is the error, if there is one; {@link #source()} is the object involved:
 * the {@link Task} whose exception was never retrieved or that failed at shutdown, the
 * {@link Future}, the callback or {@link Handle} that threw, the I/O handler, a transport or
 * server of the networking layer, an async generator whose cleanup failed. The typed views
 * ({@link #task()}, {@link #future()}, {@link #handle()}, {@link #source(Class)}) answer empty
 * when the source is of another kind, so a handler can log which task failed without casting:
 * <pre>{@code
 * loop.setExceptionHandler(ctx -> log.warn(ctx.message() + " in "
 *         + ctx.task().map(Task::getName).orElse("no task"), ctx.exception()));
 * }</pre>
 *
 * <p>Immutable. Null policy: {@code message} must not be null; {@code exception} and
 * {@code source} may be (asyncio's context has them only when they apply).
 *
 * @param message what happened, never null
 * @param exception the error, or null
 * @param source the task, future, callback, handle, transport (or other object) involved, or null
 */
public record ExceptionContext(String message, Throwable exception, Object source) {

    /** Checks that {@code message} is not null. */
    public ExceptionContext {
        Objects.requireNonNull(message, "message");
    }

    /** The task involved: the source when it is a {@link Task}. */
    public Optional<Task<?>> task() {
        return source instanceof Task ? Optional.of((Task<?>) source) : Optional.empty();
    }

    /** The future involved: the source when it is a {@link Future} (a task included). */
    public Optional<Future<?>> future() {
        return source instanceof Future ? Optional.of((Future<?>) source) : Optional.empty();
    }

    /** The handle of the callback involved: the source when it is a {@link Handle}. */
    public Optional<Handle> handle() {
        return source instanceof Handle ? Optional.of((Handle) source) : Optional.empty();
    }

    /**
     * The source if it is a {@code type}, for kinds the core does not know, such as a transport:
     * {@code ctx.source(Transport.class)}.
     */
    public <T> Optional<T> source(Class<T> type) {
        return type.isInstance(source) ? Optional.of(type.cast(source)) : Optional.empty();
    }
}
