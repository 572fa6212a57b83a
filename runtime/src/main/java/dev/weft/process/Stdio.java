package dev.weft.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one of a child's standard streams goes: asyncio's {@code PIPE}, {@code DEVNULL},
 * {@code STDOUT}, {@code None} (here {@link #INHERIT}) or an open file (here a path).
 *
 * <ul>
 *   <li>{@link #PIPE}: a pipe to the event loop — {@link Subprocess#stdin()},
 *       {@link Subprocess#stdout()} or {@link Subprocess#stderr()};
 *   <li>{@link #DEVNULL}: the null device (reads see EOF, writes are discarded);
 *   <li>{@link #INHERIT}: this JVM's own stream (the default, as asyncio's {@code None});
 *   <li>{@link #file(Path)} / {@link #appendTo(Path)}: read from a file (stdin) or write to it,
 *       truncated or appended (stdout, stderr);
 *   <li>{@link #STDOUT}: for stderr only, the same destination as stdout (merged, in order).
 * </ul>
 *
 * <p>Immutable and thread-safe. Null policy: paths must not be null.
 */
public final class Stdio {
    /** A pipe to the event loop. */
    public static final Stdio PIPE = new Stdio(Kind.PIPE, null);
    /** The null device. */
    public static final Stdio DEVNULL = new Stdio(Kind.DEVNULL, null);
    /** This JVM's own stream: the default. */
    public static final Stdio INHERIT = new Stdio(Kind.INHERIT, null);
    /** For stderr: wherever stdout goes (asyncio's {@code STDOUT}). */
    public static final Stdio STDOUT = new Stdio(Kind.STDOUT, null);

    /** What a {@link Stdio} is. */
    enum Kind { PIPE, DEVNULL, INHERIT, STDOUT, FILE, APPEND }

    private final Kind kind;
    private final Path path;

    private Stdio(Kind kind, Path path) {
        this.kind = kind;
        this.path = path;
    }

    /** The file at {@code path}: stdin reads it; stdout or stderr truncate and write it. */
    public static Stdio file(Path path) {
        return new Stdio(Kind.FILE, Objects.requireNonNull(path, "path"));
    }

    /** For stdout or stderr: append to the file at {@code path}, creating it if needed. */
    public static Stdio appendTo(Path path) {
        return new Stdio(Kind.APPEND, Objects.requireNonNull(path, "path"));
    }

    Kind kind() {
        return kind;
    }

    Path path() {
        return path;
    }

    @Override
    public String toString() {
        return path == null ? kind.name() : kind.name() + "(" + path + ")";
    }
}
