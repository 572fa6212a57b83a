package dev.weft.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The number of file descriptors this process has open, read from {@code /proc/self/fd} (Linux);
 * for leak tests that skip where that directory does not exist.
 *
 * <p>Stateless; any thread. The count includes the descriptor of the directory listing itself,
 * the same one every time, so two counts compare exactly.
 */
public final class OpenFiles {
    private static final Path FDS = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    /** Whether {@link #count()} works here. */
    public static boolean available() {
        return Files.isDirectory(FDS);
    }

    /**
     * How many of the open file descriptors are sockets: what a socket-leak test counts, so that
     * a file the JVM or the test runner opens meanwhile (a jar, a report) does not disturb it.
     */
    public static int sockets() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.filter(OpenFiles::isSocket).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS, e);
        }
    }

    private static boolean isSocket(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException e) {
            return false; // closed while we looked (the listing's own descriptor, say)
        }
    }

    /** How many file descriptors are open now. */
    public static int count() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS, e);
        }
    }
}
