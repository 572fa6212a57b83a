package dev.weft.process;

import dev.weft.net.StreamReader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Subprocess#exec} and {@link Subprocess#shell} start a child: asyncio's
 * {@code stdin=}, {@code stdout=}, {@code stderr=}, {@code cwd=}, {@code env=} and
 * {@code limit=} arguments.
 *
 * <pre>{@code
 * SubprocessOptions options = SubprocessOptions.defaults()
 *         .stdout(Stdio.PIPE)
 *         .stderr(Stdio.STDOUT)
 *         .cwd(Path.of("/tmp"))
 *         .env(Map.of("LC_ALL", "C"));
 * }</pre>
 *
 * <p>The defaults are asyncio's: every stream {@link Stdio#INHERIT inherited}, the parent's
 * working directory and environment, and a reader limit of {@link StreamReader#DEFAULT_LIMIT}
 * (64 KiB) for the piped outputs. The environment is either the parent's with
 * {@link #env(Map) additions} or {@link #replaceEnv(Map) replaced} entirely.
 *
 * <p>Immutable and thread-safe: every setter returns a new object. Null policy: null arguments
 * are rejected with {@link NullPointerException}; maps must hold no null key or value.
 */
public final class SubprocessOptions {
    private static final SubprocessOptions DEFAULTS = new SubprocessOptions(Stdio.INHERIT,
            Stdio.INHERIT, Stdio.INHERIT, null, Map.of(), false, StreamReader.DEFAULT_LIMIT);

    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final Path cwd;
    private final Map<String, String> env;
    private final boolean replaceEnv;
    private final int limit;

    private SubprocessOptions(Stdio stdin, Stdio stdout, Stdio stderr, Path cwd,
            Map<String, String> env, boolean replaceEnv, int limit) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.cwd = cwd;
        this.env = env;
        this.replaceEnv = replaceEnv;
        this.limit = limit;
    }

    /** Every stream inherited, the parent's directory and environment, a 64 KiB limit. */
    public static SubprocessOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Where stdin comes from.
     *
     * @throws IllegalArgumentException for {@link Stdio#STDOUT} or {@link Stdio#appendTo}
     */
    public SubprocessOptions stdin(Stdio where) {
        Objects.requireNonNull(where, "stdin");
        if (where.kind() == Stdio.Kind.STDOUT || where.kind() == Stdio.Kind.APPEND) {
            throw new IllegalArgumentException("stdin cannot be " + where
                    + ": it is an input; use PIPE, DEVNULL, INHERIT or Stdio.file(path)");
        }
        return new SubprocessOptions(where, stdout, stderr, cwd, env, replaceEnv, limit);
    }

    /**
     * Where stdout goes.
     *
     * @throws IllegalArgumentException for {@link Stdio#STDOUT}
     */
    public SubprocessOptions stdout(Stdio where) {
        Objects.requireNonNull(where, "stdout");
        if (where.kind() == Stdio.Kind.STDOUT) {
            throw new IllegalArgumentException("stdout cannot be STDOUT: only stderr can be "
                    + "merged into stdout");
        }
        return new SubprocessOptions(stdin, where, stderr, cwd, env, replaceEnv, limit);
    }

    /** Where stderr goes; {@link Stdio#STDOUT} merges it into stdout. */
    public SubprocessOptions stderr(Stdio where) {
        Objects.requireNonNull(where, "stderr");
        return new SubprocessOptions(stdin, stdout, where, cwd, env, replaceEnv, limit);
    }

    /** The child's working directory; it must exist when the child is started. */
    public SubprocessOptions cwd(Path directory) {
        Objects.requireNonNull(directory, "cwd");
        return new SubprocessOptions(stdin, stdout, stderr, directory, env, replaceEnv, limit);
    }

    /**
     * Variables added to the environment (on top of the parent's, or of an earlier
     * {@link #replaceEnv}); a later value for the same name wins.
     */
    public SubprocessOptions env(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        merged.putAll(copy(variables));
        return new SubprocessOptions(stdin, stdout, stderr, cwd,
                Collections.unmodifiableMap(merged), replaceEnv, limit);
    }

    /** The child's whole environment: the parent's is not passed on (asyncio's {@code env=}). */
    public SubprocessOptions replaceEnv(Map<String, String> variables) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd,
                Collections.unmodifiableMap(new LinkedHashMap<>(copy(variables))), true, limit);
    }

    /**
     * The limit of the stdout and stderr readers (see {@link StreamReader}): a reader holding
     * more than twice this pauses its pipe until it is read back down to the limit.
     *
     * @throws IllegalArgumentException if {@code bytes <= 0}
     */
    public SubprocessOptions limit(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + bytes);
        }
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, replaceEnv, bytes);
    }

    private static Map<String, String> copy(Map<String, String> variables) {
        Objects.requireNonNull(variables, "env");
        Map<String, String> copy = new LinkedHashMap<>();
        variables.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "env name"),
                Objects.requireNonNull(v, () -> "env value of " + k)));
        return copy;
    }

    Stdio stdin() {
        return stdin;
    }

    Stdio stdout() {
        return stdout;
    }

    Stdio stderr() {
        return stderr;
    }

    /** The working directory, or null for the parent's. */
    Path cwd() {
        return cwd;
    }

    Map<String, String> env() {
        return env;
    }

    boolean replacesEnv() {
        return replaceEnv;
    }

    int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return "SubprocessOptions[stdin=" + stdin + ", stdout=" + stdout + ", stderr=" + stderr
                + (cwd != null ? ", cwd=" + cwd : "")
                + (replaceEnv ? ", env=" : ", env+=") + env.keySet()
                + ", limit=" + limit + "]";
    }
}
