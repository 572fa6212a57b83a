/**
 * Tests that keep the user's guide ({@code README.md} and {@code docs/*.md}) true: its code
 * snippets are copied verbatim from source files that build and run here, the output it shows is
 * what those programs print, and every weft name in its asyncio name table exists.
 *
 * <p>The snippet programs of the guide that have no place among the seed examples (TLS, a loop
 * group, stream limits) live here as test sources, so they are compiled and woven as the examples
 * are but do not become examples of the jar. Depends on the runtime and the examples only.
 */
package dev.weft.examples.guide;
