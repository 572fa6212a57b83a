package dev.weft.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The {@code invokedynamic} bootstrap of woven factories: links, once per method, a call site
 * that answers the method's {@link MethodInfo}.
 *
 * <p>The body is bound through {@link LambdaMetafactory} with the woven class's own lookup, as a
 * method reference would be: no reflection per call, nothing generated at weave time, and the
 * private body stays private. Called by the JVM when a factory first runs; thread-safe.
 */
public final class Bootstraps {
    private static final MethodType BODY_TYPE = MethodType.methodType(Object.class, Frame.class);

    private Bootstraps() {
    }

    /**
     * Bootstrap for {@code invokedynamic info()MethodInfo}.
     *
     * @param body a handle to the woven {@code static Object name(Frame)} body
     * @param site the method's site string with its resume lines
     * @param primSlots the frame's primitive slot count
     * @param refSlots the frame's reference slot count
     */
    public static CallSite methodInfo(MethodHandles.Lookup lookup, String name, MethodType type,
                                      MethodHandle body, String site, int primSlots, int refSlots)
            throws Throwable {
        CallSite lambda = LambdaMetafactory.metafactory(lookup, "resume",
                MethodType.methodType(Body.class), BODY_TYPE, body, BODY_TYPE);
        Body bound = (Body) lambda.getTarget().invokeExact();
        MethodInfo info = new MethodInfo(bound, site, primSlots, refSlots);
        return new ConstantCallSite(MethodHandles.constant(MethodInfo.class, info).asType(type));
    }

    /**
     * Bootstrap for {@code invokedynamic initialize()V}, which woven code puts where a
     * {@code new X(...)} whose arguments await used to allocate (the allocation itself moves after
     * the awaits): initialises {@code X} there, as the JVM would at {@code new} (JLS 12.4.1), and
     * links to a call that does nothing, so later runs cost nothing.
     *
     * <p>If {@code X}'s static initialiser throws, the error propagates from this site as it
     * would from {@code new}; unlike {@code new}, later runs of the same site rethrow that same
     * error (a failed call site stays failed) where {@code new} would throw
     * {@link NoClassDefFoundError}.
     *
     * @param constructed the class being constructed
     */
    public static CallSite initialize(MethodHandles.Lookup lookup, String name, MethodType type,
                                      Class<?> constructed) throws IllegalAccessException {
        lookup.ensureInitialized(constructed);
        return new ConstantCallSite(MethodHandles.empty(type));
    }
}
