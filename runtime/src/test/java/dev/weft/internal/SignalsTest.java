package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void of_nameWithOrWithoutSigPrefixAnyCase_theSameSignal() {
        assertEquals("INT", Signals.canonicalName("INT"));
        assertEquals("INT", Signals.canonicalName("SIGINT"));
        assertEquals("INT", Signals.canonicalName(" sigint"));
    }

    @Test
    void of_unknownName_illegalArgumentExceptionSayingWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signals.canonicalName("SIGNOPE"));

        assertTrue(e.getMessage().startsWith("unknown signal 'SIGNOPE': this platform"), e.getMessage());
        assertTrue(e.getMessage().contains("INT, TERM, HUP"), e.getMessage());
    }

    @Test
    void install_signalTheVmReserves_unsupportedOperationException() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Signals.install("KILL", () -> { }));

        assertTrue(e.getMessage().startsWith("the JVM cannot hand SIGKILL to Java code"), e.getMessage());
    }
}
