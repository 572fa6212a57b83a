/**
 * Subprocesses on the event loop: asyncio's {@code create_subprocess_exec} and
 * {@code create_subprocess_shell} as {@link dev.weft.process.Subprocess#exec} and
 * {@link dev.weft.process.Subprocess#shell}, configured by
 * {@link dev.weft.process.SubprocessOptions} and {@link dev.weft.process.Stdio}; a child's piped
 * streams are the same {@link dev.weft.net.StreamWriter} and {@link dev.weft.net.StreamReader}
 * as a socket's, and {@link dev.weft.process.Subprocess#communicate} gives an
 * {@link dev.weft.process.Output}.
 *
 * <h2>Why threads</h2>
 *
 * <p>A {@link java.lang.Process}'s pipes are blocking {@code InputStream}/{@code OutputStream}s
 * over file descriptors the JDK keeps to itself: they are not {@code SelectableChannel}s, so
 * they cannot join the loop's {@code Selector}, and no public API turns a descriptor into a
 * channel. Reaching it would take reflection into {@code java.io.FileDescriptor} (closed to
 * applications since JDK 16 without {@code --add-opens}) or native code; re-opening
 * {@code /proc/self/fd/N} would give a {@code FileChannel}, which is not selectable either. So
 * each open pipe gets one pump thread that does the blocking call and hands the bytes to the
 * loop with {@code callSoonThreadsafe} (see {@code ReadPipeTransport} and
 * {@code WritePipeTransport}); the loop itself never blocks on a pipe. Exit is detected with
 * {@link java.lang.Process#onExit()}.
 *
 * <h2>What they cost</h2>
 *
 * <ul>
 *   <li>At most one thread per open pipe: up to three per child, none for a child whose streams
 *       are inherited, discarded or files, and the stdin pump only once something is written
 *       (closing an unwritten stdin needs none). Each is a daemon thread named
 *       {@code weft-pipe-<pid>-<stream>} with a 256 KiB stack, started with the child (stdin:
 *       at the first write) and ended when its pipe reaches EOF or is closed, so the count is
 *       bounded by the open pipes.
 *   <li>Memory: one chunk per read pipe, 4 KiB at first and grown up to 64 KiB while the
 *       child writes a lot (the pump never holds more than that: a reader past its limit
 *       pauses its pump), and the write buffer of stdin, bounded by {@code drain()} at 64 KiB.
 *   <li>Latency: one thread hand-off and a loop wake-up per chunk, on top of the system calls.
 *   <li>The JDK adds its own: a "process reaper" thread per running child (waiting in
 *       {@code waitpid}; cached and ended by the JDK after a minute idle) and a short task per
 *       {@code onExit()}. These exist for any {@code ProcessBuilder} user too.
 * </ul>
 *
 * <p>Nothing outlives its child: a pump ends at EOF and closes its stream, the JDK reaps the
 * child, and at loop close a child still running is killed (with a warning; see
 * {@link dev.weft.process.Subprocess}) and its pumps are stopped and joined. The one thing that
 * can keep a pump blocked is another process holding the pipe open (a grandchild that inherited
 * it): the pump, a daemon, then ends when that process closes it.
 *
 * <p>Threading: everything here is confined to the loop thread that started the child.
 *
 * <p>Depends on {@code java.base}, {@code dev.weft}, {@code dev.weft.internal} (the loop's
 * thread check and close hook, through {@link dev.weft.internal.LoopAccess}) and
 * {@code dev.weft.net} (streams over the pipe transports). The core never imports this package.
 */
package dev.weft.process;

/*
 * Role map: one line per file.
 *   Subprocess, SubprocessOptions, Stdio, Output   the public API (exec/shell, options, results)
 *   Launcher                 starts a child through ProcessBuilder as the options say
 *   Communication            one communicate() call
 *   ReadPipeTransport        the loop's end of a child's stdout/stderr, with its pump thread
 *   WritePipeTransport       the loop's end of a child's stdin, with its pump thread
 *   PipeTransport            what a pipe answers for a socket transport's socket parts
 *   PipePump, PipeThreads    a pump as loop close sees it; how pump threads are made
 *   ChildSignals             sends a signal to a child
 *   LoopCloseHook            what loop close does to a child still running
 */
