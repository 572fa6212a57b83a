package dev.weft.it.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.ContextVar;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.Weft;
import dev.weft.annotation.Async;
import dev.weft.junit.AsyncTest;
import dev.weft.junit.WeftTest;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** ContextVar: tasks run in a copy of their creator's context; callbacks capture theirs. */
@WeftTest
class ContextVarTest {
    private static final ContextVar<String> REQUEST = new ContextVar<>("request", "none");

    @Async
    static Coroutine<String> childSetsItsOwn(List<String> log) {
        log.add("child sees " + REQUEST.get());
        REQUEST.set("child");
        Weft.await(Weft.sleep(1));
        log.add("child still sees " + REQUEST.get());
        return Weft.done(REQUEST.get());
    }

    @Async
    static Coroutine<String> parent(List<String> log) {
        REQUEST.set("parent");
        Task<String> child = Weft.createTask(childSetsItsOwn(log));
        REQUEST.set("parent-after-create");
        String fromChild = Weft.await(child);
        return Weft.done(fromChild + " / parent sees " + REQUEST.get());
    }

    @AsyncTest
    @Async
    Coroutine<Void> set_inAChild_isInvisibleToItsParent_andTheChildSeesItsCreatorsValue() {
        List<String> log = new ArrayList<>();
        assertEquals("child / parent sees parent-after-create", Weft.await(parent(log)));
        assertEquals(List.of("child sees parent", "child still sees child"), log);
        return Weft.done();
    }

    @Async
    static Coroutine<String> callbacksCapture(List<String> log) {
        REQUEST.set("at callSoon");
        Weft.loop().callSoon(() -> {
            log.add("callSoon sees " + REQUEST.get());
            REQUEST.set("set by callback");
        });
        REQUEST.set("at callLater");
        Weft.loop().callLater(5, () -> log.add("callLater sees " + REQUEST.get()));
        REQUEST.set("at addDoneCallback");
        Task<Void> t = Weft.createTask(Weft.sleep(1));
        t.addDoneCallback(f -> log.add("done callback sees " + REQUEST.get()));
        REQUEST.set("task's own");
        Weft.await(Weft.sleep(10));
        return Weft.done(REQUEST.get());
    }

    @AsyncTest
    @Async
    Coroutine<Void> callSoonCallLaterAndDoneCallbacks_runInTheContextCurrentWhenScheduled() {
        List<String> log = new ArrayList<>();
        assertEquals("task's own", Weft.await(Weft.createTask(callbacksCapture(log))));
        assertEquals(List.of("callSoon sees at callSoon", "done callback sees at addDoneCallback",
                "callLater sees at callLater"), log);
        return Weft.done();
    }

    @Async
    static Coroutine<String> resetRestores() {
        ContextVar.Token<String> first = REQUEST.set("one");
        ContextVar.Token<String> second = REQUEST.set("two");
        REQUEST.reset(second);
        String afterSecond = REQUEST.get();
        REQUEST.reset(first);
        String afterFirst = REQUEST.get();
        try {
            REQUEST.reset(first);
        } catch (IllegalStateException e) {
            return Weft.done(afterSecond + " " + afterFirst + " reused token refused");
        }
        return Weft.done("reused token accepted");
    }

    @AsyncTest
    @Async
    Coroutine<Void> reset_withTokens_restoresThePreviousValuesOnce() {
        assertEquals("one none reused token refused", Weft.await(Weft.createTask(resetRestores())));
        return Weft.done();
    }

    /** Outside any loop: a plain Jupiter test, which a @WeftTest class may hold too. */
    @Test
    void get_outsideALoop_answersTheDefault_andNoDefaultFails() {
        assertEquals("none", REQUEST.get());
        ContextVar<Integer> bare = new ContextVar<>("bare");
        NoSuchElementException e = assertThrows(NoSuchElementException.class, bare::get);
        assertEquals("context variable 'bare' has no value in this context and no default: "
                + "set it first, or use get(fallback)", e.getMessage());
        assertEquals(7, bare.get(7));
        assertThrows(IllegalStateException.class, () -> bare.set(1));
    }
}
