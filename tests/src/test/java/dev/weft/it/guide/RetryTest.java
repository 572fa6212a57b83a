package dev.weft.it.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.junit.AsyncTest;
import dev.weft.junit.TestLoop;
import dev.weft.junit.WeftTest;
import java.time.Duration;
import java.util.function.Supplier;

@WeftTest
class RetryTest {
    /** The code under test: asks {@code source} until it answers, pausing between attempts. */
    @Async
    static Coroutine<String> fetchWithRetry(Supplier<String> source, Duration pause) {
        while (true) {
            String answer = source.get();
            if (answer != null) {
                return Weft.done(answer);
            }
            Weft.await(Weft.sleep(pause));
        }
    }

    @AsyncTest
    @Async
    Coroutine<Void> retriesEveryThirtySeconds(TestLoop t) {
        int[] calls = {0};
        Supplier<String> flaky = () -> ++calls[0] < 3 ? null : "ok";    // fails twice
        Task<String> fetch = Weft.createTask(fetchWithRetry(flaky, Duration.ofSeconds(30)));
        Weft.await(t.advanceBy(Duration.ofSeconds(59)));                // takes no real time
        assertFalse(fetch.done());
        assertEquals("ok", Weft.await(fetch));
        assertEquals(Duration.ofMinutes(1), t.currentTime());
        assertEquals(3, calls[0]);
        return Weft.done();
    }
}
