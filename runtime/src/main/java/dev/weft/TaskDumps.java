package dev.weft;

import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Task dumps of every open loop of this JVM, reachable from outside it over JMX: the MBean
 * {@value #OBJECT_NAME}, operation {@code dumpTasks}.
 *
 * <p>Why JMX: the JVM keeps {@code SIGQUIT} for its own thread dump (a Java handler for it is
 * refused unless the JVM runs with {@code -Xrs}), and {@code jcmd} has no command that calls into
 * an application. An MBean works with every JDK tool: {@code jconsole} or JDK Mission Control
 * (MBeans tab, {@code dev.weft}, {@code TaskDumps}, operation {@code dumpTasks}), and from scripts
 * through any JMX client once the JVM's management agent is started, for example with
 * {@code jcmd <pid> ManagementAgent.start_local}.
 *
 * <p>The MBean is registered with the platform MBean server when the first {@link EventLoop} is
 * created, on a short-lived daemon thread, so a program pays nothing for it on its loop thread;
 * the system property {@value #PROPERTY}{@code =false} turns the registration off. In the
 * program itself, {@link Weft#dumpTasks()} dumps the running loop and {@link TaskDump} any loop.
 *
 * <p>Threading: any thread.
 */
public final class TaskDumps implements TaskDumpsMBean {
    /** The name the MBean is registered under. */
    public static final String OBJECT_NAME = "dev.weft:type=TaskDumps";
    /** The system property that, set to {@code false}, keeps the MBean unregistered. */
    public static final String PROPERTY = "weft.jmx";

    TaskDumps() {
    }

    @Override
    public String dumpTasks() {
        return allLoops();
    }

    @Override
    public int getLoopCount() {
        return LoopRegistry.open().size();
    }

    @Override
    public int getPendingTaskCount() {
        int n = 0;
        for (EventLoop loop : LoopRegistry.open()) {
            n += loop.tasks.size();
        }
        return n;
    }

    /** The text dumps of every open loop of this JVM, separated by blank lines; any thread. */
    public static String allLoops() {
        List<EventLoop> loops = LoopRegistry.open();
        if (loops.isEmpty()) {
            return "weft: no open event loop\n";
        }
        StringBuilder out = new StringBuilder();
        for (EventLoop loop : loops) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(TaskDump.text(loop));
        }
        return out.toString();
    }

    /** Registers the MBean on a daemon thread, unless {@value #PROPERTY} is {@code false}. */
    static void exportLater() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return;
        }
        Thread t = new Thread(TaskDumps::export, "weft-jmx-export");
        t.setDaemon(true);
        t.start();
    }

    private static void export() {
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            if (!server.isRegistered(name)) {
                server.registerMBean(new TaskDumps(), name);
            }
        } catch (JMException | RuntimeException | LinkageError e) {
            // No JMX here (a trimmed runtime image, a security manager): dumps stay in-process.
            System.getLogger("dev.weft").log(System.Logger.Level.DEBUG,
                    "task dumps not registered over JMX", e);
        }
    }
}
