/**
 * The java agent and the offline weaver: deliver class files to the
 * {@link dev.weft.weave.WeavePipeline} at load time ({@link dev.weft.agent.WeftAgent}) or over
 * directories of compiled classes ({@link dev.weft.agent.ClassTreeWeaver}, shared by the
 * {@code weave} command and the Maven plugin). Depends on {@code dev.weft.weave} and
 * {@code java.instrument} only.
 */
package dev.weft.agent;
