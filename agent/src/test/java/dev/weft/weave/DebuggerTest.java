package dev.weft.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import dev.weft.weave.samples.Debuggee;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A woven coroutine under a real debugger (JDI, what jdb is built on), in a JVM of its own that
 * runs the woven class without the agent: a line breakpoint lands in the body, never in the
 * factory; the body is the one method of its name taking a {@code dev.weft.internal.Frame} (what
 * {@code stop in Debuggee.work(dev.weft.internal.Frame)} names in jdb, since a plain
 * {@code stop in Debuggee.work} is ambiguous between factory and body); and after the await a
 * local shows its real value, or is absent when it was not live there — never a stale default.
 */
class DebuggerTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/weft/weave/samples/Debuggee.java");
    private static final String NAME = Debuggee.class.getName();

    @TempDir
    Path woven;

    private static int lineOf(String text) throws Exception {
        List<String> lines = Files.readAllLines(SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private VirtualMachine launch() throws Exception {
        WeaveResult r = new WeavePipeline(getClass().getClassLoader(), true).weave(ClassBytes.of(Debuggee.class));
        assertEquals(List.of(), r.messages());
        Path file = woven.resolve(NAME.replace('.', '/') + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, r.bytes());
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = connector.defaultArguments();
        args.get("main").setValue(NAME);
        args.get("options").setValue("-cp " + woven + File.pathSeparator + System.getProperty("java.class.path"));
        return connector.launch(args);
    }

    /** What the test saw at one breakpoint: visible locals and their values as strings. */
    private static Map<String, String> locals(StackFrame frame) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (LocalVariable v : frame.visibleVariables()) {
            Object value = frame.getValue(v);
            out.put(v.name(), value instanceof StringReference ? ((StringReference) value).value()
                    : value instanceof IntegerValue ? String.valueOf(((IntegerValue) value).value()) : String.valueOf(value));
        }
        return out;
    }

    @Test
    void wovenCoroutine_underJdi_breakpointsLandInTheBody_andLocalsAreRealOrAbsent() throws Exception {
        int before = lineOf("// before the await");
        int after = lineOf("// after the await");
        VirtualMachine vm = launch();
        Map<Integer, Map<String, String>> seen = new HashMap<>();
        Map<String, Boolean> checks = new HashMap<>();
        try {
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter(NAME);
            prepare.enable();
            vm.resume();
            long deadline = System.nanoTime() + 60_000_000_000L;
            boolean running = true;
            while (running && System.nanoTime() < deadline) {
                EventSet events = vm.eventQueue().remove(1_000);
                if (events == null) {
                    continue;
                }
                for (Event e : events) {
                    if (e instanceof ClassPrepareEvent) {
                        ReferenceType type = ((ClassPrepareEvent) e).referenceType();
                        checkMethods(type, checks);
                        for (int line : List.of(before, after)) {
                            List<Location> at = type.locationsOfLine(line);
                            assertFalse(at.isEmpty(), "line " + line);
                            for (Location l : at) {
                                assertEquals("(Ldev/weft/internal/Frame;)Ljava/lang/Object;", l.method().signature(),
                                        "line " + line + " is only in the body, not in the factory");
                            }
                            BreakpointRequest bp = vm.eventRequestManager().createBreakpointRequest(at.get(0));
                            bp.enable();
                        }
                    } else if (e instanceof BreakpointEvent) {
                        BreakpointEvent b = (BreakpointEvent) e;
                        seen.put(b.location().lineNumber(), locals(b.thread().frame(0)));
                    } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                        running = false;
                    }
                }
                events.resume();
            }
        } finally {
            try {
                vm.exit(0);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        assertEquals(Map.of("byName", true), checks);
        assertEquals(Map.of("n", "42", "label", "x"), seen.get(before), "before the await: the arguments");
        Map<String, String> late = seen.get(after);
        assertNotNull(late, "the breakpoint after the await was hit: " + seen);
        assertEquals("x", late.get("label"), "live across the await: its real value");
        assertEquals("84", late.get("doubled"), "live across the await: its real value");
        assertFalse(late.containsKey("n"), "dead after the await, so not restored: absent, not a stale 0: " + late);
    }

    /** The factory and the body share the name; the body is found by its Frame parameter. */
    private static void checkMethods(ReferenceType type, Map<String, Boolean> checks) {
        List<Method> byName = type.methodsByName("work");
        assertEquals(2, byName.size(), "factory and body: " + byName);
        List<Method> bodies = byName.stream().filter(m -> {
            try {
                return m.argumentTypeNames().equals(List.of("dev.weft.internal.Frame"));
            } catch (RuntimeException e) {
                return false;
            }
        }).collect(Collectors.toList());
        assertEquals(1, bodies.size());
        assertTrue(bodies.get(0).isSynthetic(), "the body is synthetic");
        checks.put("byName", true);
    }
}
