/**
 * The user's guide's weft-junit example ({@code docs/testing.md}), run as the real test it shows;
 * the examples module's {@code GuideSnippetsTest} checks that the guide copies it verbatim.
 */
package dev.weft.it.guide;
