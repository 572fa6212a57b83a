package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Weft;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Code the weaver refuses does not break the application: under the agent the rest of its class
 * is woven and runs, and the refused method (or the refused await in a method that is not
 * {@code @Async}) fails when it runs with an {@link IllegalStateException} carrying the reason
 * the weaver gave, naming the site as {@code Class.method(File.java:line)}. (The weave-time
 * messages themselves are asserted in the agent's {@code BadInputTest}.)
 */
class RefusedClassesTest {

    private static void assertRefused(String method, String reason, Supplier<?> call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::get);
        String m = e.getMessage();
        assertTrue(m.startsWith(RefusedShapes.class.getName() + "$" + method + "(RefusedShapes.java:"), m);
        assertTrue(m.contains("was not woven by weft: " + reason), m);
    }

    @Test
    void awaitInSynchronizedBlock_classLoads_asyncMethodThrowsTheReason() {
        assertEquals("plain", RefusedShapes.SyncBlock.plain());
        assertRefused("SyncBlock.m", "Weft.await inside a synchronized block",
                () -> RefusedShapes.SyncBlock.m(new Object(), null));
    }

    @Test
    void synchronizedAsyncMethod_classLoads_asyncMethodThrowsTheReason() {
        RefusedShapes.SyncMethod s = new RefusedShapes.SyncMethod();
        assertEquals("plain", s.plain());
        assertRefused("SyncMethod.m", "an @Async method cannot be synchronized", () -> s.m(null));
    }

    @Test
    void awaitInConstructor_otherAsyncMethodsOfTheClassAreWoven_theConstructorThrowsAtTheAwait() {
        assertEquals(1, new RefusedShapes.InConstructor(null, false).value);
        assertEquals("fine", Weft.run(RefusedShapes.InConstructor.fine()));
        assertRefused("InConstructor.<init>", "Weft.await is used in a constructor",
                () -> new RefusedShapes.InConstructor(null, true));
    }

    @Test
    void awaitInStaticInitialiser_failsInitialisationWithTheReason() {
        ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                () -> String.valueOf(RefusedShapes.InStaticInit.VALUE));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("RefusedShapes$InStaticInit.<clinit>(RefusedShapes.java:"),
                cause.getMessage());
        assertTrue(cause.getMessage().contains("a static initialiser"), cause.getMessage());
    }

    @Test
    void awaitInNonAsyncMethod_itThrowsTheReason_theAsyncMethodIsWoven() {
        assertRefused("NotAsync.m", "Weft.await is used in method m", () -> RefusedShapes.NotAsync.m(null));
        assertEquals("fine", Weft.run(RefusedShapes.NotAsync.fine()));
    }

    @Test
    void asyncWithUnsupportedReturnType_throwsTheReasonWhenCalled() {
        assertRefused("WrongReturn.m", "an @Async method must return", RefusedShapes.WrongReturn::m);
    }
}
