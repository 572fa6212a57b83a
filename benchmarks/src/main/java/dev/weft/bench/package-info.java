/**
 * JMH benchmarks of weft beside its peers (a plain call, {@code CompletableFuture}, an
 * {@code Iterator}; virtual threads in the JDK 21+ source set), one class per question, and a
 * heap probe. The {@code @Async} code here is woven at build time by the offline weaver, so the
 * benchmark forks run without the agent. {@link dev.weft.bench.RunAll} runs everything and writes
 * {@code benchmarks/RESULTS.md}, with the echo suite of {@code dev.weft.bench.echo} and the SVG
 * charts of {@link dev.weft.bench.ResultCharts} (XChart). Depends on the runtime, JMH, Netty (the
 * echo peer) and XChart; nothing else in the build may depend on those.
 */
package dev.weft.bench;
