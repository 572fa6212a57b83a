package dev.weft.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The file-system side of a Unix-socket server: a stale socket file left by a server that died
 * is removed before binding, and the server's own file is removed when it closes, as asyncio
 * does. Only socket files are ever removed; a regular file in the way makes binding fail.
 *
 * <p>Stateless; any thread.
 */
final class UnixSocketFiles {
    /** The {@code S_IFMT} bits of a file mode and their value for a socket. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    private UnixSocketFiles() {
    }

    /** Removes {@code path} if it is a socket file; leaves anything else alone. */
    static void removeStaleSocket(Path path) {
        try {
            if (isSocket(path)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no such file, or no way to tell it is a socket: binding will report any conflict
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return mode instanceof Integer && (((Integer) mode) & S_IFMT) == S_IFSOCK;
    }
}
