/**
 * The weft Maven plugin: the {@code weave} and {@code weave-tests} goals, thin Maven front ends
 * over {@link dev.weft.agent.ClassTreeWeaver} and so over the agent's
 * {@link dev.weft.weave.WeavePipeline}. Depends on the shaded {@code weft-agent} jar and the
 * Maven plugin API only (never on ASM by name, never on the runtime).
 */
package dev.weft.maven;
