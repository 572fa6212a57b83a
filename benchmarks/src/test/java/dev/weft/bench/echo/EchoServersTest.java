package dev.weft.bench.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every server of the echo suite, started in this JVM, echoes what the suite's load generator
 * sends (small and 16 KiB messages, several connections), and reports its loop threads. Liveness
 * only: each waits for a bounded number of echoes, never for a speed.
 */
class EchoServersTest {
    private static Path keyStore;

    @BeforeAll
    static void certificate() throws Exception {
        keyStore = EchoCerts.makeKeyStore();
    }

    @ParameterizedTest
    @EnumSource(EchoKind.class)
    void server_underTheLoad_echoesEveryMessageWhole(EchoKind kind) throws Exception {
        SSLContext server = kind.tls() ? EchoCerts.serverContext(keyStore) : null;
        SSLContext client = kind.tls() ? EchoCerts.clientContext(keyStore) : null;
        try (EchoServer s = kind.start(server)) {
            assertFalse(s.loopThreads().isEmpty());
            assertEquals(kind == EchoKind.WEFT_GROUP_2 ? 2 : 1, s.loopThreads().size());
            for (int size : new int[] {64, 16 * 1024}) {
                try (EchoLoad load = EchoLoad.start(s.port(), 3, size, client)) {
                    awaitEchoes(load, 200);
                    assertEquals(0, load.failures(), kind + " " + size + " B: a connection failed");
                }
            }
        }
    }

    @Test
    void byId_unknownName_saysWhich() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> EchoKind.byId("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    /** Waits until {@code n} echoes completed (each checked whole by the load), at most 60 s. */
    private static void awaitEchoes(EchoLoad load, long n) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (load.completed() < n && load.failures() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(load.completed() >= n, "only " + load.completed() + " echoes of " + n);
    }
}
