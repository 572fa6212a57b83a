package dev.weft;

/**
 * The JMX interface of {@link TaskDumps}: task dumps of every open loop of a running JVM,
 * registered as {@value TaskDumps#OBJECT_NAME}.
 *
 * <p>Threading: any thread (JMX calls come on RMI threads); see {@link TaskDump}.
 */
public interface TaskDumpsMBean {

    /** The text of {@link TaskDump#text(EventLoop)} for every open loop, one after the other. */
    String dumpTasks();

    /** How many loops are open. */
    int getLoopCount();

    /** How many tasks are pending, summed over the open loops. */
    int getPendingTaskCount();
}
