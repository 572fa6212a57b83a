package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.annotation.Async;
import org.junit.jupiter.api.Test;

/**
 * Un-woven code, as in an application run without the agent (the runtime's own tests run
 * without it): every path that meets it names the un-woven method and says how to weave it.
 */
class NotWovenMessagesTest {

    /** What a typical main coroutine does first; un-woven, it runs as Weft.run's argument. */
    @Async
    static Coroutine<String> main() {
        Task<Void> ticker = Weft.createTask(Weft.sleep(1));
        Weft.await(ticker);
        return Weft.done("never");
    }

    @Async
    static Coroutine<String> awaits(Future<String> f) {
        return Weft.done(Weft.await(f));
    }

    @Async
    static Coroutine<String> returnsNull() {
        return null;
    }

    private static void assertSaysHowToWeave(String m) {
        assertTrue(m.contains("-javaagent:/path/to/weft-agent.jar"), m);
        assertTrue(m.contains("dev.weft:weft-maven-plugin (goal weave)"), m);
        assertTrue(m.contains("java -jar weft-agent.jar weave --classpath CP DIR"), m);
    }

    @Test
    void unwovenMain_callingWeftRun_failsNamingTheUnwovenMethod_notJustNoRunningLoop() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Weft.run(main()));
        String m = e.getMessage();
        assertTrue(m.startsWith("no running event loop on thread " + Thread.currentThread().getName()), m);
        assertTrue(m.contains("But dev.weft.NotWovenMessagesTest.main(NotWovenMessagesTest.java:"), m);
        assertTrue(m.contains("is an @Async method that was not woven: it ran when it was called instead of "
                + "returning a coroutine"), m);
        assertSaysHowToWeave(m);
    }

    @Test
    void markerInAnUnwovenMethod_namesIt() {
        EventLoop loop = EventLoop.create();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> awaits(loop.createFuture()));
            String m = e.getMessage();
            assertTrue(m.startsWith("Weft.await was called in dev.weft.NotWovenMessagesTest.awaits(NotWovenMessagesTest.java:"), m);
            assertSaysHowToWeave(m);
        } finally {
            loop.close();
        }
    }

    @Test
    void nullCoroutineFromAnUnwovenMethod_saysHowToWeave() {
        EventLoop loop = EventLoop.create();
        try {
            NullPointerException e = assertThrows(NullPointerException.class, () -> loop.createTask(returnsNull()));
            assertSaysHowToWeave(e.getMessage());
        } finally {
            loop.close();
        }
    }

    @Test
    void noRunningLoop_withoutUnwovenCode_keepsItsPlainMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Weft::loop);
        assertEquals("no running event loop on thread " + Thread.currentThread().getName()
                + ": start one with Weft.run(coro)", e.getMessage());
    }
}
