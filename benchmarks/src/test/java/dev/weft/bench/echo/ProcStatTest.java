package dev.weft.bench.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    private static final String REST = " S 1 2 3 4 5 6 7 8 9 10 250 40 0 0 20 0 30 0 100";

    @Test
    void parse_plainName_readsUtimeAndStimeInTicks() {
        ProcStat s = ProcStat.parse("4242 (java)" + REST, 10_000_000L);
        assertEquals(250 * 10_000_000L, s.userNanos());
        assertEquals(40 * 10_000_000L, s.systemNanos());
    }

    @Test
    void parse_nameWithSpacesAndParentheses_countsFieldsAfterTheLastParenthesis() {
        ProcStat s = ProcStat.parse("4242 (a b) (c)" + REST, 1);
        assertEquals(250, s.userNanos());
        assertEquals(40, s.systemNanos());
    }

    @Test
    void parse_notAStatLine_fails() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("4242 (java) S 1", 1));
    }
}
