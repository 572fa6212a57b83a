package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.samples.Greeter;
import dev.weft.agent.samples.Locked;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's messages go to the {@code System.Logger} {@code dev.weft.agent} (here through the
 * JDK's default backend, {@code java.util.logging}), at the levels {@link AgentLog} documents.
 */
class WeavingTransformerTest {
    private final Logger jul = Logger.getLogger(AgentLog.NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parents;

    @BeforeEach
    void captureLog() {
        parents = jul.getUseParentHandlers();
        jul.addHandler(capture);
        jul.setUseParentHandlers(false); // and nothing on the console
    }

    @AfterEach
    void restoreLog() {
        jul.removeHandler(capture);
        jul.setUseParentHandlers(parents);
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * The name a sample is offered under: the agent never weaves its own package
     * ({@code dev/weft/agent/}), where the samples live; the weaver reads the real name from the bytes.
     */
    private static String internalName(Class<?> c) {
        return "sample/" + c.getSimpleName();
    }

    @Test
    void transform_refusedMethod_logsOneWarningNamingIt() throws IOException {
        WeavingTransformer t = new WeavingTransformer(true, false);
        t.transform(Locked.class.getClassLoader(), internalName(Locked.class), null, null, bytes(Locked.class));
        assertEquals(1, records.size(), records.toString());
        assertEquals(Level.WARNING, records.get(0).getLevel());
        assertTrue(records.get(0).getMessage().contains("Locked.held(Locked.java:"), records.get(0).getMessage());
    }

    @Test
    void transform_wovenClassWithDebug_logsItAtInfo() throws IOException {
        WeavingTransformer t = new WeavingTransformer(true, true);
        byte[] woven = t.transform(Greeter.class.getClassLoader(), internalName(Greeter.class), null, null,
                bytes(Greeter.class));
        assertNotNull(woven);
        assertEquals(1, records.size(), records.toString());
        assertEquals(Level.INFO, records.get(0).getLevel());
        assertEquals("weft: woven " + Greeter.class.getName(), records.get(0).getMessage());
    }

    @Test
    void transform_wovenClassWithoutDebug_logsNothing() throws IOException {
        WeavingTransformer t = new WeavingTransformer(true, false);
        t.transform(Greeter.class.getClassLoader(), internalName(Greeter.class), null, null, bytes(Greeter.class));
        assertEquals(List.of(), records);
    }

    @Test
    void transform_classWithoutWeft_isPassedOverSilently() throws IOException {
        WeavingTransformer t = new WeavingTransformer(true, true);
        assertNull(t.transform(getClass().getClassLoader(), "dev/weft/agent/AgentLog", null, null,
                bytes(AgentLog.class)));
        assertEquals(List.of(), records);
    }
}
