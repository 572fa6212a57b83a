package dev.weft.bench.echo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EchoReportTest {
    private static EchoResult row(EchoKind kind, double userNanos, double bytes) {
        return new EchoResult(kind, 16, 64, 1000, userNanos, 100, userNanos, bytes, null);
    }

    private static String report(double streams, double protocol, double buffered, double bufferedBytes) {
        return EchoReport.markdown(List.of(row(EchoKind.WEFT_STREAMS, streams, 80),
                row(EchoKind.WEFT_PROTOCOL, protocol, 80), row(EchoKind.WEFT_BUFFERED, buffered, bufferedBytes),
                row(EchoKind.NETTY, 1000, 120), row(EchoKind.BARE_NIO, 400, 0)), "method");
    }

    @Test
    void markdown_withinEveryGoal_marksThemMet() {
        String md = report(500, 440, 450, 0);
        assertTrue(md.contains("| streams ≤ 1.3× the bare loop's user CPU/request | 16 × 64 B | 1.25× (500 vs 400 ns) | met |"), md);
        assertTrue(md.contains("| 0 B allocated per request on the buffered path | 16 × 64 B | 0.00 B/req | met |"), md);
        assertTrue(!md.contains("**missed**"), md);
    }

    @Test
    void markdown_overAGoal_saysByHowMuch() {
        String md = report(600, 440, 450, 24);
        // 600 / 400 = 1.5x against 1.3x: 15.4% over; 600 / 1000 = 0.6x is still within 0.6x.
        assertTrue(md.contains("| 1.50× (600 vs 400 ns) | **missed** by 15.4% |"), md);
        assertTrue(md.contains("| weft streams (read + write + drain) ≤ 0.6× Netty's user CPU/request | 16 × 64 B | 0.60× (600 vs 1000 ns) | met |"), md);
        assertTrue(md.contains("| 24.0 B/req | **missed** by 24.0 B/req |"), md);
    }

    @Test
    void markdown_failedServer_saysWhyAndLeavesItsGoalsUnmeasured() {
        String md = EchoReport.markdown(List.of(row(EchoKind.WEFT_STREAMS, 500, 80),
                EchoResult.failed(EchoKind.BARE_NIO, 16, 64, "the server did not start: boom")), "method");
        assertTrue(md.contains("not measured: the server did not start: boom"), md);
        assertTrue(md.contains("| streams ≤ 1.3× the bare loop's user CPU/request | 16 × 64 B | not measured | — |"), md);
    }
}
