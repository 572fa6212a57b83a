/**
 * The echo suite: the same closed-loop load generator ({@link dev.weft.bench.echo.EchoLoad})
 * against weft's stream, {@code Protocol}, {@code BufferedProtocol}, TLS and {@code LoopGroup}
 * echo servers and their peers (Netty 4.2 on one NIO loop, with and without {@code SslHandler},
 * and a bare NIO selector loop), each server in its own JVM ({@link dev.weft.bench.echo.EchoServerMain}).
 * {@link dev.weft.bench.echo.EchoSuite} measures user and system CPU per request from
 * {@code /proc/<pid>/stat}, requests per second and the server loop threads' allocated bytes per
 * request; {@link dev.weft.bench.echo.EchoReport} writes them into {@code RESULTS.md} against the
 * design's goals. Depends on the runtime, Netty and the JDK; loopback only; Linux for the CPU
 * figures.
 */
package dev.weft.bench.echo;
