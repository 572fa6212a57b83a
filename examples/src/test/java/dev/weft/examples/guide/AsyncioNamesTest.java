package dev.weft.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The asyncio name table of {@code docs/asyncio.md} cannot drift from the code: every name in
 * backticks in its weft column exists (by reflection), and every public method of the classes
 * the table covers is in it, so a method added, renamed or moved fails this test until the table
 * says so.
 *
 * <p>The weft column holds only names in backticks of these shapes: {@code Class},
 * {@code Class.member}, {@code Class.member(...)}, {@code new Class(...)}, {@code @Annotation},
 * with {@code Class} a simple name in one of {@link #PACKAGES} or a fully qualified one. Plain
 * words around them are free text.
 */
class AsyncioNamesTest {
    private static final String PAGE = "docs/asyncio.md";
    private static final List<String> PACKAGES = List.of("dev.weft", "dev.weft.sync", "dev.weft.queue",
            "dev.weft.net", "dev.weft.process", "dev.weft.annotation");
    /** The classes whose every public method must be in the table. */
    private static final List<String> COVERED = List.of("dev.weft.Weft", "dev.weft.EventLoop",
            "dev.weft.Future", "dev.weft.Task", "dev.weft.TaskGroup", "dev.weft.Timeout",
            "dev.weft.Handle", "dev.weft.ContextVar", "dev.weft.Generator", "dev.weft.AsyncGenerator",
            "dev.weft.sync.Lock", "dev.weft.sync.Event", "dev.weft.sync.Condition", "dev.weft.sync.Semaphore",
            "dev.weft.sync.BoundedSemaphore", "dev.weft.sync.Barrier", "dev.weft.queue.Queue",
            "dev.weft.queue.PriorityQueue", "dev.weft.queue.LifoQueue", "dev.weft.net.Streams",
            "dev.weft.net.StreamReader", "dev.weft.net.StreamWriter", "dev.weft.net.Server",
            "dev.weft.process.Subprocess");
    private static final Pattern SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern NAME = Pattern.compile(
            "(new )?([a-z][a-z.]*\\.)?([A-Z]\\w*)(?:\\.(\\w+))?(\\(.*\\))?");

    /** The backticked names of the weft column of every {@code | asyncio | weft |} table. */
    static List<String> weftNames() {
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : GuideDocs.read(PAGE)) {
            if (line.startsWith("| asyncio | weft |")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                Matcher m = SPAN.matcher(cells[2]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void table_isThere() {
        assertTrue(weftNames().size() > 100, PAGE + " holds the name table: " + weftNames());
    }

    @Test
    void everyWeftName_exists() {
        List<String> missing = new ArrayList<>();
        for (String name : weftNames()) {
            String why = check(name);
            if (why != null) {
                missing.add("`" + name + "`: " + why);
            }
        }
        assertEquals(List.of(), missing, PAGE + " names what the code does not have");
    }

    @Test
    void everyPublicMethodOfTheCoveredClasses_isInTheTable() throws ClassNotFoundException {
        Set<String> named = new HashSet<>();
        for (String name : weftNames()) {
            Matcher m = NAME.matcher(name);
            if (m.matches() && m.group(4) != null) {
                named.add(m.group(3) + "." + m.group(4));
            }
        }
        Set<String> absent = new TreeSet<>();
        for (String className : COVERED) {
            Class<?> c = Class.forName(className);
            for (Method method : c.getMethods()) {
                if (isApi(method) && !namedInChain(named, c, method)) {
                    absent.add(c.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(Set.of(), absent, PAGE + " lacks public methods (add a row, with — for no asyncio twin)");
    }

    /** Why {@code name} does not resolve, or null when it does. */
    private static String check(String name) {
        if (name.startsWith("@")) {
            return resolve(name.substring(1)) != null ? null : "no such annotation";
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return "not a name of the shapes Class, Class.member(...), new Class(...)";
        }
        Class<?> c = m.group(2) != null ? load(m.group(2) + m.group(3)) : resolve(m.group(3));
        if (c == null) {
            return "no public class " + m.group(3) + " in " + PACKAGES;
        }
        if (m.group(1) != null) {
            return Arrays.stream(c.getConstructors()).findAny().isPresent() ? null : "no public constructor";
        }
        String member = m.group(4);
        return member == null || hasMember(c, member) ? null : "no public member " + member + " in " + c.getName();
    }

    private static boolean hasMember(Class<?> c, String member) {
        return Arrays.stream(c.getMethods()).anyMatch(x -> x.getName().equals(member))
                || Arrays.stream(c.getFields()).map(Field::getName).anyMatch(member::equals)
                || Arrays.stream(c.getClasses()).map(Class::getSimpleName).anyMatch(member::equals);
    }

    /** The one public class of that simple name in {@link #PACKAGES}, or null. */
    private static Class<?> resolve(String simpleName) {
        Set<Class<?>> found = new LinkedHashSet<>();
        for (String p : PACKAGES) {
            Class<?> c = load(p + "." + simpleName);
            if (c != null) {
                found.add(c);
            }
        }
        if (found.size() > 1) {
            throw new AssertionError(simpleName + " is in more than one package: qualify it in " + PAGE);
        }
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static Class<?> load(String name) {
        try {
            Class<?> c = Class.forName(name, false, AsyncioNamesTest.class.getClassLoader());
            return Modifier.isPublic(c.getModifiers()) ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * Whether a public method is user API: declared by weft, not {@code Object}'s, not an
     * implementation of a JDK interface (those are the JDK's names), not the weaver's binary
     * contract (a {@code dev.weft.internal} type in its signature).
     */
    private static boolean isApi(Method m) {
        if (m.isSynthetic() || m.isBridge() || !m.getDeclaringClass().getName().startsWith("dev.weft.")) {
            return false;
        }
        for (Class<?> p : m.getParameterTypes()) {
            if (p.getName().startsWith("dev.weft.internal")) {
                return false;
            }
        }
        return !fromJdk(m.getDeclaringClass(), m);
    }

    private static boolean fromJdk(Class<?> c, Method m) {
        if (c == null) {
            return false;
        }
        if (c.getName().startsWith("java.")) {
            try {
                c.getMethod(m.getName(), m.getParameterTypes());
                return true;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
        for (Class<?> i : c.getInterfaces()) {
            if (fromJdk(i, m)) {
                return true;
            }
        }
        return fromJdk(c.getSuperclass(), m);
    }

    /** Whether the table names {@code m} on {@code c} or on the weft class or interface it comes from. */
    private static boolean namedInChain(Set<String> named, Class<?> c, Method m) {
        if (named.contains(c.getSimpleName() + "." + m.getName())
                || named.contains(m.getDeclaringClass().getSimpleName() + "." + m.getName())) {
            return true;
        }
        for (Class<?> s = c.getSuperclass(); s != null && s.getName().startsWith("dev.weft."); s = s.getSuperclass()) {
            if (named.contains(s.getSimpleName() + "." + m.getName())) {
                return true;
            }
        }
        return false;
    }
}
