package dev.weft.process;

import java.nio.charset.StandardCharsets;

/**
 * What {@link Subprocess#communicate(byte[])} read: asyncio's {@code (stdout, stderr)} tuple.
 *
 * <p>Each side holds every byte the child wrote to that pipe, or is null when that stream was
 * not a {@link Stdio#PIPE} (asyncio's {@code None}); a pipe the child wrote nothing to gives an
 * empty array. The arrays are the caller's: nothing else keeps them.
 *
 * <p>Immutable once made; thread-safe to read.
 */
public final class Output {
    private final byte[] stdout;
    private final byte[] stderr;

    Output(byte[] stdout, byte[] stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** The bytes of stdout, or null if stdout was not piped. */
    public byte[] stdout() {
        return stdout;
    }

    /** The bytes of stderr, or null if stderr was not piped (or merged into stdout). */
    public byte[] stderr() {
        return stderr;
    }

    @Override
    public String toString() {
        return "<Output stdout=" + describe(stdout) + " stderr=" + describe(stderr) + ">";
    }

    private static String describe(byte[] b) {
        if (b == null) {
            return "None";
        }
        String text = new String(b, 0, Math.min(b.length, 60), StandardCharsets.UTF_8);
        return b.length + " bytes '" + text.replace("\n", "\\n") + (b.length > 60 ? "...'" : "'");
    }
}
