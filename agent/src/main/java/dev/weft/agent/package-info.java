/**
 * The java agent and the offline weaver: deliver class files to the
 * {@link dev.weft.weave.WeavePipeline} at load time or over a directory of compiled classes.
 * Depends on {@code dev.weft.weave} and {@code java.instrument} only.
 */
package dev.weft.agent;
