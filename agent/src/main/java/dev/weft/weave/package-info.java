/**
 * The weaver: turns {@code @Async} methods into resumable state machines. A pipeline of
 * single-purpose passes ({@link dev.weft.weave.ScanPass scan}, {@link dev.weft.weave.AnalysePass
 * analyse}, {@link dev.weft.weave.LayoutPass layout}, rewrite, {@link dev.weft.weave.VerifyPass
 * verify}) over ASM trees, sharing immutable records; {@link dev.weft.weave.WeavePipeline} is the
 * entry point, a pure {@code byte[] -> byte[]} function.
 *
 * <p>Depends on ASM (relocated inside the agent jar) and {@code java.base} only — never on the
 * runtime, whose entry points it knows by name ({@code RuntimeNames}) — and never loads the
 * classes it weaves or their supertypes.
 */
package dev.weft.weave;
