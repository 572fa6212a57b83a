/** Compiled-but-not-woven classes the goals' tests copy into a project's class directories. */
package dev.weft.maven.samples;
