package dev.weft.internal;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The version of the contract between woven code and this runtime, and its check: every class
 * the weaver changes calls {@link #check} from the start of its static initialiser, so a class
 * woven by a weaver this runtime does not match fails once, before any of its woven code runs,
 * with a message naming it — instead of a {@link NoSuchMethodError} or wrong behaviour deep in a
 * user's program.
 *
 * <p>The weaver's {@code RuntimeNames.ABI_VERSION} must lie in {@link #OLDEST}..{@link #VERSION};
 * a contract test in the agent's tests pins it, together with every runtime member woven code
 * uses. Raise {@link #VERSION} (and the weaver's version with it) when woven code starts to need
 * something an older runtime lacks; raise {@link #OLDEST} when this runtime drops something code
 * woven for an older version needs. This class and {@link #check}'s descriptor never change, so
 * that any two versions can tell each other apart.
 *
 * <p>Thread-safe: the set of checked classes is synchronized (one add per woven class, when it
 * initialises).
 */
public final class Abi {
    /** The newest contract version this runtime implements. */
    public static final int VERSION = 2;
    /**
     * The oldest contract version this runtime still implements. Version 2 changed how a plain
     * generator's body yields (it returns the value and marks its end in {@code state}), which a
     * version-1 generator body does not do.
     */
    public static final int OLDEST = 2;

    /** The classes that passed the check; weakly held, so classes can be unloaded. */
    private static final Set<Class<?>> WOVEN = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Abi() {
    }

    /**
     * Checks that {@code woven}, woven with contract version {@code wovenWith}, can run on this
     * runtime; called by woven static initialisers.
     *
     * @throws IncompatibleClassChangeError naming the class, its version and the accepted ones
     */
    public static void check(int wovenWith, Class<?> woven) {
        if (wovenWith < OLDEST || wovenWith > VERSION) {
            throw new IncompatibleClassChangeError(message(wovenWith, woven.getName()));
        }
        WOVEN.add(woven);
    }

    /**
     * Whether {@code c} is a woven class that passed {@link #check}: used on error paths to tell
     * an {@code @Async} method that ran un-woven from a woven one.
     */
    public static boolean isWoven(Class<?> c) {
        return WOVEN.contains(c);
    }

    static String message(int wovenWith, String className) {
        String accepted = OLDEST == VERSION ? "version " + VERSION : "versions " + OLDEST + " to " + VERSION;
        String what = wovenWith > VERSION ? "a newer weft weaver than this runtime" : "an older weft weaver than this runtime";
        return "class " + className + " was woven with weft ABI version " + wovenWith + " (by " + what
                + "), but this weft runtime accepts " + accepted + ": weave the class again with the weft "
                + "version of the runtime on the class path (the same version for dev.weft:weft-agent, "
                + "dev.weft:weft-maven-plugin and dev.weft:weft-runtime)";
    }
}
