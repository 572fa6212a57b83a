/**
 * Integration tests of {@code dev.weft.process}: real children ({@code /bin/sh}, {@code cat},
 * {@code true}) driven from woven coroutines. They need POSIX tools and skip with a message
 * elsewhere ({@link dev.weft.it.process.PosixTools}); none depends on wall-clock speed beyond
 * generous bounds.
 */
package dev.weft.it.process;
