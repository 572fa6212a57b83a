package dev.weft.junit;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Walks the engine's test plan and reports each node's start and end to the launcher: containers
 * succeed once their children have run; a test succeeds or fails with what
 * {@link AsyncTestRun} threw.
 *
 * <p>Runs on the launcher's thread; one instance per execution request.
 */
final class TestExecutor {
    private final EngineExecutionListener listener;
    private final long defaultTimeoutMillis;

    TestExecutor(EngineExecutionListener listener, long defaultTimeoutMillis) {
        this.listener = listener;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    void execute(TestDescriptor node) {
        listener.executionStarted(node);
        TestExecutionResult result;
        if (node instanceof AsyncTestDescriptor) {
            result = run((AsyncTestDescriptor) node);
        } else {
            for (TestDescriptor child : node.getChildren()) {
                execute(child);
            }
            result = TestExecutionResult.successful();
        }
        listener.executionFinished(node, result);
    }

    private TestExecutionResult run(AsyncTestDescriptor test) {
        try {
            if (test.problem() != null) {
                throw new IllegalStateException(test.problem());
            }
            new AsyncTestRun(test, timeoutMillis(test)).run();
            return TestExecutionResult.successful();
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return TestExecutionResult.failed(t);
        }
    }

    private long timeoutMillis(AsyncTestDescriptor test) {
        AsyncTest onMethod = test.method().getAnnotation(AsyncTest.class);
        if (onMethod.timeoutMillis() > 0) {
            return onMethod.timeoutMillis();
        }
        WeftTest onClass = test.testClass().getAnnotation(WeftTest.class);
        return onClass != null && onClass.timeoutMillis() > 0 ? onClass.timeoutMillis() : defaultTimeoutMillis;
    }
}
