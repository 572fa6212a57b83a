package dev.weft.it.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A class the weaver refuses does not break the application: under the agent it loads
 * un-woven, its plain methods run, and each {@code @Async} method fails on first use with an
 * {@link IllegalStateException} naming it as {@code Class.method(File.java:line)} and saying how
 * to enable weaving. (The weave-time messages themselves are asserted in the agent's
 * {@code BadInputTest}.)
 */
class RefusedClassesTest {

    private static void assertNotWoven(String method, Supplier<?> call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call::get);
        String m = e.getMessage();
        assertTrue(m.contains(RefusedShapes.class.getName() + "$" + method + "(RefusedShapes.java:"), m);
        assertTrue(m.contains("which was not woven"), m);
        assertTrue(m.contains("-javaagent"), m);
    }

    @Test
    void awaitInSynchronizedBlock_classLoadsUnwoven_asyncMethodFailsNamingIt() {
        assertEquals("plain", RefusedShapes.SyncBlock.plain());
        assertNotWoven("SyncBlock.m", () -> RefusedShapes.SyncBlock.m(new Object(), null));
    }

    @Test
    void synchronizedAsyncMethod_classLoadsUnwoven_asyncMethodFailsNamingIt() {
        RefusedShapes.SyncMethod s = new RefusedShapes.SyncMethod();
        assertEquals("plain", s.plain());
        assertNotWoven("SyncMethod.m", () -> s.m(null));
    }

    @Test
    void awaitInConstructor_otherAsyncMethodsOfTheClassAreNotWovenEither() {
        assertEquals(1, new RefusedShapes.InConstructor(null, false).value);
        assertNotWoven("InConstructor.fine", RefusedShapes.InConstructor::fine);
        assertNotWoven("InConstructor.<init>", () -> new RefusedShapes.InConstructor(null, true));
    }

    @Test
    void awaitInStaticInitialiser_failsInitialisationNamingTheInitialiser() {
        ExceptionInInitializerError e = assertThrows(ExceptionInInitializerError.class,
                () -> String.valueOf(RefusedShapes.InStaticInit.VALUE));
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("RefusedShapes$InStaticInit.<clinit>(RefusedShapes.java:"),
                cause.getMessage());
    }

    @Test
    void awaitInNonAsyncMethod_classLoadsUnwoven_bothMethodsFailNamingThemselves() {
        assertNotWoven("NotAsync.m", () -> RefusedShapes.NotAsync.m(null));
        assertNotWoven("NotAsync.fine", RefusedShapes.NotAsync::fine);
    }

    @Test
    void asyncWithUnsupportedReturnType_staysAPlainMethod() {
        assertEquals("x", RefusedShapes.WrongReturn.m());
    }
}
