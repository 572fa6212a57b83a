package dev.weft.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Builds the engine's test plan from a discovery request: {@link WeftTest} classes and classes
 * with {@link AsyncTest} methods (selected by
 * class, package, class-path root or module, as Maven Surefire and IDEs select them), their
 * candidate methods ({@link AsyncTestDescriptor#isCandidate}), single methods, and unique ids
 * (an IDE re-running one test).
 *
 * <p>Runs on the launcher's discovery thread; stateless.
 */
final class TestDiscovery implements SelectorResolver {
    private static final EngineDiscoveryRequestResolver<TestDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.builder()
                    .addClassContainerSelectorResolver(TestDiscovery::isWeftTestClass)
                    .addSelectorResolver(context -> new TestDiscovery())
                    .build();

    static void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
        RESOLVER.resolve(request, engine);
    }

    /**
     * Whether the engine runs {@code c}: a concrete class annotated {@link WeftTest}, or holding
     * an {@link AsyncTest} method without it (which would otherwise be skipped without a word).
     */
    static boolean isWeftTestClass(Class<?> c) {
        if (Modifier.isAbstract(c.getModifiers()) || c.isInterface() || c.isAnonymousClass()
                || c.isLocalClass() || c.isAnnotation()) {
            return false;
        }
        return c.isAnnotationPresent(WeftTest.class)
                || !AnnotationSupport.findAnnotatedMethods(c, AsyncTest.class, HierarchyTraversalMode.TOP_DOWN).isEmpty();
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> c = selector.getJavaClass();
        if (!isWeftTestClass(c)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(new ClassDescriptor(parent.getUniqueId(), c)))
                .map(d -> Resolution.match(Match.exact(d, () -> methodsOf(c))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> c = selector.getJavaClass();
        Method m = selector.getJavaMethod();
        if (!isWeftTestClass(c) || !AsyncTestDescriptor.isCandidate(m)) {
            return Resolution.unresolved();
        }
        Supplier<DiscoverySelector> parentSelector = () -> selectClass(c);
        return context.addToParent(parentSelector,
                        parent -> Optional.of(new AsyncTestDescriptor(parent.getUniqueId(), c, m)))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (!segments.get(0).getValue().equals(WeftTestEngine.ENGINE_ID)) {
            return Resolution.unresolved(); // another engine's test (Jupiter's ids look alike)
        }
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (last.getType().equals(ClassDescriptor.SEGMENT)) {
            return Resolution.selectors(Set.of(selectClass(last.getValue())));
        }
        if (last.getType().equals(AsyncTestDescriptor.SEGMENT) && segments.size() >= 2) {
            UniqueId.Segment owner = segments.get(segments.size() - 2);
            if (owner.getType().equals(ClassDescriptor.SEGMENT)) {
                return Resolution.selectors(Set.of(selectMethod(owner.getValue() + "#" + last.getValue())));
            }
        }
        return Resolution.unresolved();
    }

    private static Set<DiscoverySelector> methodsOf(Class<?> c) {
        return ReflectionSupport.findMethods(c, AsyncTestDescriptor::isCandidate, HierarchyTraversalMode.TOP_DOWN)
                .stream().map(m -> selectMethod(c, m)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
