package dev.weft.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo that {@code java -jar weft-examples.jar} starts: runs one example program of the
 * seeds.
 *
 * <ul>
 *   <li>no arguments: runs {@link ChainCoroutines};
 *   <li>an example's simple class name (for instance {@code CallLater}): runs that example, with
 *       the remaining arguments;
 *   <li>{@code --list}: prints every example's name, seed section and summary.
 * </ul>
 *
 * <p>An unknown name prints the list to standard error and exits with status 2.
 */
public final class Main {

    /**
     * One runnable example.
     *
     * @param name the class's simple name, which selects it on the command line
     * @param section the seed section it mirrors
     * @param summary what it shows, in a few words
     * @param main the class's {@code main} method
     */
    record Example(String name, String section, String summary, Consumer<String[]> main) {
    }

    /** Every example, in the order of the seed. */
    static final List<Example> EXAMPLES = List.of(
            new Example("StartCoroutine", "1.2.1", "start a coroutine",
                    StartCoroutine::main),
            new Example("ReturnValue", "1.2.2", "return a value from a coroutine",
                    ReturnValue::main),
            new Example("ChainCoroutines", "1.2.3", "chain coroutines with await",
                    ChainCoroutines::main),
            new Example("ChainGenerators", "1.2.4", "the generator-based chain, with await",
                    ChainGenerators::main),
            new Example("CallSoon", "1.3.1", "schedule callbacks with callSoon",
                    CallSoon::main),
            new Example("CallLater", "1.3.2", "schedule callbacks after a delay",
                    CallLater::main),
            new Example("CallAt", "1.3.3", "schedule callbacks at a loop time",
                    CallAt::main),
            new Example("AwaitFutureUntilComplete", "1.4.1", "run the loop until a future is done",
                    AwaitFutureUntilComplete::main),
            new Example("AwaitFuture", "1.4.1", "await a future in a coroutine",
                    AwaitFuture::main),
            new Example("FutureCallbacks", "1.4.2", "done callbacks on a future",
                    FutureCallbacks::main),
            new Example("CreateTask", "1.5.1", "start a task and await it",
                    CreateTask::main),
            new Example("CancelTaskBeforeStart", "1.5.2", "cancel a task before it starts",
                    CancelTaskBeforeStart::main),
            new Example("CancelTaskWhileSleeping", "1.5.2", "cancel a task while it sleeps",
                    CancelTaskWhileSleeping::main),
            new Example("EnsureFuture", "1.5.3", "wrap a coroutine in a task with ensureFuture",
                    EnsureFuture::main),
            new Example("WaitPhases", "1.6.1", "wait for several phases",
                    WaitPhases::main),
            new Example("WaitWithTimeout", "1.6.1", "wait with a timeout, cancel the rest",
                    WaitWithTimeout::main),
            new Example("GatherPhases", "1.6.2", "gather results in argument order",
                    GatherPhases::main),
            new Example("AsCompletedPhases", "1.6.3", "results as the phases complete",
                    AsCompletedPhases::main),
            new Example("Fibonacci", "000", "the fib() generator in a for-each loop",
                    Fibonacci::main),
            new Example("GrepCoroutine", "000", "a grep coroutine fed with send() and closed",
                    GrepCoroutine::main),
            new Example("SortedDelegation", "004", "sub_coro/dele_coro: sorting through yieldFrom",
                    SortedDelegation::main),
            new Example("AccumulatorDelegation", "004", "add/parent: a sum returned through yieldFrom",
                    AccumulatorDelegation::main),
            new Example("AveragerProxies", "004", "avg/proxies: averages stored through yieldFrom",
                    AveragerProxies::main),
            new Example("YieldFromIterables", "004", "yieldFrom over a range, a list and a generator",
                    YieldFromIterables::main),
            new Example("tasks/GatherFactorial", "003", "gather three factorial tasks",
                    dev.weft.examples.tasks.GatherFactorial::main),
            new Example("tasks/StopLoopFromCoroutine", "004", "stop the loop from a coroutine",
                    dev.weft.examples.tasks.StopLoopFromCoroutine::main),
            new Example("tasks/StopLoopFromCallback", "004", "stop the loop from a done callback",
                    dev.weft.examples.tasks.StopLoopFromCallback::main),
            new Example("generators/PrimedState", "004", "a primed generator is GEN_SUSPENDED",
                    dev.weft.examples.generators.PrimedState::main),
            new Example("generators/StopIterationValue", "004",
                    "catch StopIteration, print its value",
                    dev.weft.examples.generators.StopIterationValue::main),
            new Example("generators/AccumulatorWithoutDelegation", "004",
                    "add() driven directly: its sum in StopIteration",
                    dev.weft.examples.generators.AccumulatorWithoutDelegation::main),
            new Example("generators/SortListDelegation", "004",
                    "sort_list/parent: a sorted list in StopIteration",
                    dev.weft.examples.generators.SortListDelegation::main),
            new Example("generators/SumThroughDelegation", "004",
                    "generator_2: yieldFrom takes generator_1's return",
                    dev.weft.examples.generators.SumThroughDelegation::main),
            new Example("generators/ComputePrintSum", "004",
                    "compute/print_sum: the yield-from coroutine, with await",
                    dev.weft.examples.generators.ComputePrintSum::main),
            new Example("queue/ProducerConsumerQueue", "000", "a producer and two consumers on a bounded queue",
                    dev.weft.examples.queue.ProducerConsumerQueue::main),
            new Example("queue/WorkerQueue", "003", "three workers share a queue of random sleeps",
                    dev.weft.examples.queue.WorkerQueue::main),
            new Example("sync/LockReleasedByCallback", "1.7.1", "a held lock released by a callback",
                    dev.weft.examples.sync.LockReleasedByCallback::main),
            new Example("sync/EventSetByCallback", "1.7.2", "two coroutines wait for an event",
                    dev.weft.examples.sync.EventSetByCallback::main),
            new Example("sync/ConditionNotify", "1.7.3", "a condition notified for 1, 2, then all",
                    dev.weft.examples.sync.ConditionNotify::main),
            new Example("threads/LoopInAnotherThread", "004", "a loop on a second thread fed with callSoonThreadsafe",
                    dev.weft.examples.threads.LoopInAnotherThread::main),
            new Example("threads/RunCoroutineFromThread", "004", "runCoroutineThreadsafe from a plain thread",
                    dev.weft.examples.threads.RunCoroutineFromThread::main),
            new Example("threads/ThreadPoolMap", "004", "a thread pool's map with toThread and gather",
                    dev.weft.examples.threads.ThreadPoolMap::main));

    /**
     * The examples that wait for Ctrl-C. The output test above does not run them (nothing would
     * press it); {@code KeyboardInterruptExampleTest} runs them in a child JVM and sends SIGINT.
     */
    static final List<Example> INTERRUPT_EXAMPLES = List.of(
            new Example("threads/KeyboardInterruptTasks", "004", "Ctrl-C cancels and lists the pending tasks",
                    dev.weft.examples.threads.KeyboardInterruptTasks::main));

    /**
     * The network examples of {@code dev.weft.examples.net}, run with {@code [HOST PORT]}
     * (default {@code localhost 10000}). The servers run until Ctrl-C, so the output test above
     * does not run them; {@code NetExamplesTest} does, with clients.
     */
    static final List<Example> NET_EXAMPLES = List.of(
            new Example("EchoServer", "seed 002", "echo server with streams",
                    dev.weft.examples.net.EchoServer::main),
            new Example("EchoClient", "seed 002", "echo client with streams",
                    dev.weft.examples.net.EchoClient::main),
            new Example("ProtocolEchoServer", "seed 004", "echo server with a protocol",
                    dev.weft.examples.net.ProtocolEchoServer::main),
            new Example("ProtocolEchoClient", "seed 004", "echo client with a protocol",
                    dev.weft.examples.net.ProtocolEchoClient::main),
            new Example("TimeServer", "seed 000", "sends every client the time each second",
                    dev.weft.examples.net.TimeServer::main),
            new Example("ChatServer", "seed 000", "every line a client types goes to all others",
                    dev.weft.examples.net.ChatServer::main));

    /**
     * The subprocess examples of {@code dev.weft.examples.process} (seed 003). They run POSIX
     * tools and {@code GetDate} prints the time, so the output test above does not run them;
     * {@code ProcessExamplesTest} does.
     */
    static final List<Example> PROCESS_EXAMPLES = List.of(
            new Example("process/RunShell", "003", "a shell command's exit code and stderr via communicate",
                    dev.weft.examples.process.RunShell::main),
            new Example("process/GetDate", "003", "read the first line a child prints",
                    dev.weft.examples.process.GetDate::main),
            new Example("process/RunDevNull", "003", "a command with both streams discarded",
                    dev.weft.examples.process.RunDevNull::main));

    private static final String DEFAULT_EXAMPLE = "ChainCoroutines";

    private Main() {
    }

    /** Runs the example that {@code args[0]} names ({@link ChainCoroutines} by default). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--list")) {
            list(System.out);
            return;
        }
        String name = args.length > 0 ? args[0] : DEFAULT_EXAMPLE;
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        for (Example example : all()) {
            if (example.name().equals(name)) {
                example.main().accept(rest);
                return;
            }
        }
        System.err.println("unknown example: " + name + "; the examples are:");
        list(System.err);
        System.exit(2);
    }

    private static List<Example> all() {
        List<Example> all = new java.util.ArrayList<>(EXAMPLES);
        all.addAll(NET_EXAMPLES);
        all.addAll(INTERRUPT_EXAMPLES);
        all.addAll(PROCESS_EXAMPLES);
        return all;
    }

    private static void list(PrintStream out) {
        for (Example example : all()) {
            out.printf("%-26s %s  %s%n", example.name(), example.section(), example.summary());
        }
    }
}
