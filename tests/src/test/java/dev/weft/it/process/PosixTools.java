package dev.weft.it.process;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The POSIX tools the subprocess tests run ({@code /bin/sh}, {@code cat}, {@code tee},
 * {@code true}, {@code sleep}): tests call {@link #assume()} first, so elsewhere they are skipped
 * with a message instead of failing.
 */
final class PosixTools {
    private PosixTools() {
    }

    /** Skips the calling test unless this is a POSIX system with {@code /bin/sh}. */
    static void assume() {
        boolean posix = !System.getProperty("os.name", "").startsWith("Windows")
                && Files.isExecutable(Path.of("/bin/sh"));
        assumeTrue(posix, "skipped: needs a POSIX system with /bin/sh, cat, tee, true and sleep");
    }

    /** Whether /proc describes this process (Linux): the leak checks count its entries. */
    static boolean hasProc() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }
}
