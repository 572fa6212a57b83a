package dev.weft.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

/** asyncio's return codes from the JDK's exit values. */
class ChildSignalsTest {

    @Test
    void returnCode_ordinaryExit_isTheStatus() {
        assertEquals(0, ChildSignals.returnCode(0));
        assertEquals(2, ChildSignals.returnCode(2));
        assertEquals(128, ChildSignals.returnCode(128));
        assertEquals(255, ChildSignals.returnCode(255));
    }

    @Test
    void returnCode_128PlusN_isMinusN_onPosix() {
        assumeFalse(Launcher.WINDOWS, "skipped: Windows has no signals");
        assertEquals(-9, ChildSignals.returnCode(137));
        assertEquals(-15, ChildSignals.returnCode(143));
        assertEquals(-1, ChildSignals.returnCode(129));
        assertEquals(-64, ChildSignals.returnCode(192));
        assertEquals(193, ChildSignals.returnCode(193));
    }
}
