package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The immutable context map, and its capture by loop callbacks (no weaving needed). */
class ContextTest {
    private final ContextVar<String> a = new ContextVar<>("a");
    private final ContextVar<String> b = new ContextVar<>("b", "b-default");

    @Test
    void with_setsInACopy_leavingTheOriginalUnchanged() {
        Context one = Context.EMPTY.with(a, "1");
        Context two = one.with(b, "2").with(a, "1'");
        assertEquals("1", one.get(a));
        assertFalse(one.has(b));
        assertEquals("1'", two.get(a));
        assertEquals("2", two.get(b));
        assertFalse(Context.EMPTY.has(a));
    }

    @Test
    void without_removesOneVariable_andTheLastGivesTheEmptyContext() {
        Context both = Context.EMPTY.with(a, "1").with(b, null);
        Context onlyB = both.without(a);
        assertFalse(onlyB.has(a));
        assertTrue(onlyB.has(b));
        assertNull(onlyB.get(b));
        assertSame(Context.EMPTY, onlyB.without(b));
        assertSame(onlyB, onlyB.without(a));
    }

    @Test
    void callSoon_capturesTheContextOfTheCallbackThatScheduledIt() {
        EventLoop loop = EventLoop.create(Clock.virtual());
        List<String> seen = new ArrayList<>();
        try {
            loop.callSoon(() -> {
                a.set("outer");
                loop.callSoon(() -> seen.add("inner sees " + a.get("unset")));
                loop.callLater(1, () -> seen.add("timer sees " + a.get("unset") + " " + b.get()));
            });
            loop.callSoon(() -> seen.add("sibling sees " + a.get("unset")));
            loop.callLater(5, loop::stop);
            loop.runForever();
        } finally {
            loop.close();
        }
        assertEquals(List.of("sibling sees unset", "inner sees outer", "timer sees outer b-default"), seen);
    }
}
