package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void of_nameWithOrWithoutSigPrefixAnyCase_theSameSignal() {
        assertEquals(2, Signals.of("INT").getNumber());
        assertEquals(2, Signals.of("SIGINT").getNumber());
        assertEquals(2, Signals.of("sigint").getNumber());
    }

    @Test
    void of_unknownName_illegalArgumentExceptionSayingWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signals.of("SIGNOPE"));

        assertTrue(e.getMessage().startsWith("unknown signal 'SIGNOPE': this platform"), e.getMessage());
        assertTrue(e.getMessage().contains("INT, TERM, HUP"), e.getMessage());
    }

    @Test
    void install_signalTheVmReserves_unsupportedOperationException() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Signals.install(Signals.of("KILL"), s -> { }));

        assertTrue(e.getMessage().startsWith("the JVM cannot hand SIGKILL to Java code"), e.getMessage());
    }
}
