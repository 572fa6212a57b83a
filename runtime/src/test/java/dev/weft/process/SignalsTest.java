package dev.weft.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

/** asyncio's return codes from the JDK's exit values. */
class SignalsTest {

    @Test
    void returnCode_ordinaryExit_isTheStatus() {
        assertEquals(0, Signals.returnCode(0));
        assertEquals(2, Signals.returnCode(2));
        assertEquals(128, Signals.returnCode(128));
        assertEquals(255, Signals.returnCode(255));
    }

    @Test
    void returnCode_128PlusN_isMinusN_onPosix() {
        assumeFalse(Launcher.WINDOWS, "skipped: Windows has no signals");
        assertEquals(-9, Signals.returnCode(137));
        assertEquals(-15, Signals.returnCode(143));
        assertEquals(-1, Signals.returnCode(129));
        assertEquals(-64, Signals.returnCode(192));
        assertEquals(193, Signals.returnCode(193));
    }
}
