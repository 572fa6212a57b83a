package dev.weft.agent;

import java.nio.charset.StandardCharsets;

/**
 * Decides from a class file's constant pool alone whether the weaver needs to look at it: only
 * classes that mention {@code @Async} or {@code dev.weft.Weft} can hold anything to weave (or
 * to reject). Reads tags and lengths without creating objects, so the classes of an application
 * that have nothing to do with weft cost a few hundred nanoseconds each at load time.
 *
 * <p>Stateless; safe on any thread.
 */
final class ConstantPoolScan {
    private static final byte[] ASYNC = "Ldev/weft/annotation/Async;".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WEFT = "dev/weft/Weft".getBytes(StandardCharsets.UTF_8);

    private ConstantPoolScan() {
    }

    /**
     * Whether {@code b} is a class file whose constant pool names {@code @Async} or {@code Weft}.
     * A class file cut short inside its constant pool answers true, so that the weaver sees it
     * and reports it as truncated instead of the scan failing.
     */
    static boolean mentionsWeft(byte[] b) {
        if (!looksLikeClassFile(b)) {
            return false;
        }
        try {
            return scan(b);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return true;
        }
    }

    /** Whether {@code b} at least starts like a class file (magic number and a header). */
    static boolean looksLikeClassFile(byte[] b) {
        return b != null && b.length >= 10 && u4(b, 0) == 0xCAFEBABE;
    }

    private static boolean scan(byte[] b) {
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[p] & 0xFF;
            switch (tag) {
                case 1: { // Utf8
                    int len = u2(b, p + 1);
                    if (matches(b, p + 3, len, ASYNC) || matches(b, p + 3, len, WEFT)) {
                        return true;
                    }
                    p += 3 + len;
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    p += 5;
                    break;
                case 5: case 6: // Long, Double take two entries
                    p += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    p += 3;
                    break;
                case 15:
                    p += 4;
                    break;
                default:
                    return true; // unknown tag (a future class file format): let the weaver decide
            }
        }
        return false;
    }

    private static boolean matches(byte[] b, int off, int len, byte[] want) {
        if (len != want.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[off + i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    private static int u4(byte[] b, int off) {
        return (u2(b, off) << 16) | u2(b, off + 2);
    }
}
