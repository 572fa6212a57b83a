package dev.weft.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DefaultExecutorTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(DefaultExecutor.KIND_PROPERTY);
        System.clearProperty(DefaultExecutor.THREADS_PROPERTY);
    }

    @Test
    void create_noProperties_boundedPoolOfMin32CoresPlus4WithKeepAlive() {
        ExecutorService ex = DefaultExecutor.create();
        try {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) ex;
            int expected = Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
            assertEquals(expected, pool.getMaximumPoolSize());
            assertEquals(60, pool.getKeepAliveTime(TimeUnit.SECONDS));
            assertTrue(pool.allowsCoreThreadTimeOut());
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void create_threadsProperty_poolOfThatSize() {
        System.setProperty(DefaultExecutor.THREADS_PROPERTY, "3");
        ExecutorService ex = DefaultExecutor.create();
        try {
            assertEquals(3, ((ThreadPoolExecutor) ex).getMaximumPoolSize());
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void create_badThreadCount_illegalStateExceptionNamingTheProperty() {
        System.setProperty(DefaultExecutor.THREADS_PROPERTY, "zero");

        IllegalStateException e = assertThrows(IllegalStateException.class, DefaultExecutor::create);
        assertEquals("-Dweft.executor.threads=zero is not a thread count: give a positive integer", e.getMessage());
    }

    @Test
    void create_unknownKind_illegalStateException() {
        System.setProperty(DefaultExecutor.KIND_PROPERTY, "green");

        IllegalStateException e = assertThrows(IllegalStateException.class, DefaultExecutor::create);
        assertTrue(e.getMessage().startsWith("-Dweft.executor=green is not a kind of executor"), e.getMessage());
    }
}
