package dev.weft.weave.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.Clock;
import dev.weft.Coroutine;
import dev.weft.EventLoop;
import dev.weft.weave.WeavePipeline;
import dev.weft.weave.WeaveResult;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the weaver, after OpenJDK's continuation {@code Fuzz} test: random
 * {@code @Async} programs ({@link ProgramGenerator}) run woven — every await really suspending
 * on a future that the loop completes later — and as plain Java where an await is its value.
 * Logs, results and exceptions must match.
 *
 * <p>{@code -Dweft.fuzz.count=N} sets how many programs to run (default 2,000, which CI runs);
 * {@code -Dweft.fuzz.seed=S} the first seed. A failing seed is named in the failure with both
 * sources (a passing run prints nothing: the build stays quiet); add it to {@link #REGRESSIONS}
 * once fixed.
 */
class DifferentialFuzzTest {
    private static final int BATCH = 50;
    /** Seeds that once failed; they run on every build. */
    private static final long[] REGRESSIONS = {};

    private static final String LATER = "package fuzz;\n"
            + "public final class Later {\n"
            + "  private static int n;\n"
            + "  public static dev.weft.Future<Integer> of(int v) {\n"
            + "    dev.weft.EventLoop loop = dev.weft.Weft.loop();\n"
            + "    dev.weft.Future<Integer> f = loop.createFuture();\n"
            + "    int k = ++n % 3;\n"
            + "    if (k == 0) { f.setResult(v); }\n"
            + "    else { loop.callLater(k - 1, () -> f.setResult(v)); }\n"
            + "    return f;\n"
            + "  }\n"
            + "}\n";

    private final InMemoryCompiler compiler = new InMemoryCompiler();

    @Test
    void randomPrograms_wovenAndPlain_behaveAlike() throws Exception {
        int count = Integer.getInteger("weft.fuzz.count", 2000);
        long first = Long.getLong("weft.fuzz.seed", 20261122L);
        int ran = 0;
        for (long seed = first; seed < first + count; seed += BATCH) {
            List<Long> seeds = new ArrayList<>();
            for (long s = seed; s < Math.min(seed + BATCH, first + count); s++) {
                seeds.add(s);
            }
            ran += runBatch(seeds);
        }
        assertEquals(count, ran, "programs run from seed " + first);
    }

    @Test
    void regressionSeeds_wovenAndPlain_behaveAlike() throws Exception {
        List<Long> seeds = new ArrayList<>();
        for (long s : REGRESSIONS) {
            seeds.add(s);
        }
        assertEquals(seeds.size(), seeds.isEmpty() ? 0 : runBatch(seeds));
    }

    private int runBatch(List<Long> seeds) throws Exception {
        Map<String, String> woven = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        woven.put("fuzz.Later", LATER);
        for (long s : seeds) {
            String[] src = ProgramGenerator.sources(className(s), s);
            woven.put("fuzz." + className(s), src[0]);
            plain.put("fuzz." + className(s), src[1]);
        }
        ClassLoader wovenLoader = define(weave(compiler.compile(woven), woven));
        ClassLoader plainLoader = define(compiler.compile(plain));
        for (long s : seeds) {
            for (int m = 0; m < ProgramGenerator.METHODS; m++) { // every method is an entry point
                Outcome expected = runPlain(plainLoader, s, m);
                Outcome actual = runWoven(wovenLoader, s, m);
                if (!expected.equals(actual)) {
                    fail("seed " + s + ", method m" + m + ": woven and plain runs differ\nplain: " + expected
                            + "\nwoven: " + actual + "\n--- woven source ---\n" + woven.get("fuzz." + className(s))
                            + "\n--- plain source ---\n" + plain.get("fuzz." + className(s)));
                }
            }
        }
        return seeds.size();
    }

    private static String className(long seed) {
        return "P" + Long.toUnsignedString(seed);
    }

    private Map<String, byte[]> weave(Map<String, byte[]> classes, Map<String, String> sources) {
        WeavePipeline pipeline = new WeavePipeline(getClass().getClassLoader(), true);
        Map<String, byte[]> out = new HashMap<>();
        classes.forEach((name, bytes) -> {
            WeaveResult r = pipeline.weave(bytes);
            if (!r.errors().isEmpty()) {
                String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                fail("cannot weave " + name + ": " + r.messages() + "\n" + sources.get(top));
            }
            out.put(name, r.changed() ? r.bytes() : bytes);
        });
        return out;
    }

    private ClassLoader define(Map<String, byte[]> classes) {
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name);
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    private static Method entry(ClassLoader loader, long seed, int m) throws ReflectiveOperationException {
        return loader.loadClass("fuzz." + className(seed))
                .getMethod("m" + m, List.class, int.class, long.class, int.class);
    }

    private static Object[] arguments(long seed, List<String> log) {
        return new Object[] {log, (int) (seed % 17), seed % 5 - 2, 2};
    }

    private static Outcome runPlain(ClassLoader loader, long seed, int m) throws ReflectiveOperationException {
        List<String> log = new ArrayList<>();
        try {
            return Outcome.of(log, entry(loader, seed, m).invoke(null, arguments(seed, log)), null);
        } catch (InvocationTargetException e) {
            return Outcome.of(log, null, e.getCause());
        }
    }

    private static Outcome runWoven(ClassLoader loader, long seed, int m) throws ReflectiveOperationException {
        List<String> log = new ArrayList<>();
        EventLoop loop = EventLoop.create(Clock.virtual());
        try {
            Coroutine<?> coro = (Coroutine<?>) entry(loader, seed, m).invoke(null, arguments(seed, log));
            return Outcome.of(log, loop.runUntilComplete(coro), null);
        } catch (InvocationTargetException e) {
            return Outcome.of(log, null, e.getCause());
        } catch (RuntimeException | Error e) {
            return Outcome.of(log, null, e);
        } finally {
            loop.close();
        }
    }
}
